import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IdParams } from '../../common/id-params';

export class RoundObjectionParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  objectionId: string;
}
