import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class NotificationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
