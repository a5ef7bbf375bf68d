import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class IliIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
