import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CommentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
