import type { BodyDto, BodyRefDto } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { Body } from '../body.entity';
import { ListResponseDto } from '../../common/list-response.dto';

export class BodyRefResponseDto implements BodyRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class BodyResponseDto extends BodyRefResponseDto implements BodyDto {
  @ApiProperty()
  description: string;

  @ApiProperty({ nullable: true, type: String })
  website: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class BodyListResponseDto extends ListResponseDto(BodyResponseDto) {}

export function toBodyDto(body: Body): BodyDto {
  return {
    id: body.id,
    name: body.name,
    description: body.description,
    website: body.website,
    createdAt: body.createdAt.toISOString(),
    updatedAt: body.updatedAt.toISOString(),
  };
}
