import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class InfoIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
