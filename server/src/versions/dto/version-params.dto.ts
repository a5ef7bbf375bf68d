import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IdParams } from '../../common/id-params';

export const MAX_VERSION_NUMBER = 2_147_483_647;

export class VersionParams extends IdParams {
  @ApiProperty({ minimum: 1, description: 'Version number within the document' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION_NUMBER)
  number: number;
}
