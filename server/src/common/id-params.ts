import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The `:id` of a route, a UUID (400 naming `id` otherwise). */
export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
