import { FEDERATION_SLUGS, MANDATE_SEATS, type MandateSeat } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateMandateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bodyId: string;

  @ApiProperty({ format: 'uuid', description: 'The user who holds the mandate.' })
  @IsUUID()
  holderId: string;

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS, description: "Defaults to the holder's federation." })
  @IsOmittable()
  @IsIn(FEDERATION_SLUGS)
  federation?: string;

  @ApiProperty({ enum: MANDATE_SEATS })
  @IsIn(MANDATE_SEATS)
  seat: MandateSeat;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @Matches(DATE, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @ValidateIf((_object: unknown, value: unknown) => value !== undefined && value !== null)
  @Matches(DATE, { message: 'endDate must be a date (YYYY-MM-DD) or null' })
  @IsISO8601({ strict: true }, { message: 'endDate must be a date (YYYY-MM-DD) or null' })
  endDate?: string | null;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateMandateDto extends PartialType(CreateMandateDto) {}

export class ListMandatesQueryDto {
  @ApiPropertyOptional({ description: 'true: current and upcoming; false: past; absent: all.' })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  active?: boolean;
}
