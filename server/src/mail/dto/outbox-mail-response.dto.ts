import type { ListResponse, OutboxMailDto } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';

export class OutboxMailResponseDto implements OutboxMailDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  to: string;

  @ApiProperty()
  subject: string;

  @ApiProperty({ description: 'Plain-text body' })
  text: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class OutboxMailListResponseDto implements ListResponse<OutboxMailDto> {
  @ApiProperty({ type: [OutboxMailResponseDto] })
  items: OutboxMailDto[];

  @ApiProperty()
  total: number;
}
