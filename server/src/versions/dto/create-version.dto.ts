import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class CreateVersionDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Avant le tour de consensus' })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label?: string;
}
