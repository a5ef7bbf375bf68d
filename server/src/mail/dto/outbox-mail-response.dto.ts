import type { ListResponse, OutboxMailDto } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { ListResponseDto } from '../../common/list-response.dto';

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

export class OutboxMailListResponseDto extends ListResponseDto(OutboxMailResponseDto) implements ListResponse<OutboxMailDto> {}
