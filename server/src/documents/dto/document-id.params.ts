import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class DocumentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
