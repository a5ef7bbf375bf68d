import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RoundIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class RoundObjectionParams extends RoundIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  objectionId: string;
}

export class DocumentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ObjectionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
