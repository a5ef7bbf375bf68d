import {
  DEFAULT_DISPATCH_OVERDUE_DAYS,
  DISPATCH_OVERDUE_DAYS_MAX,
  DISPATCH_STATUSES,
  DOCUMENT_KINDS,
  type DispatchAnswerFileDto,
  type DispatchDto,
  type DispatchStatus,
  type DocumentKind,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation';
import { ListResponseDto } from '../../common/list-response.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined && value !== null);

export class CreateDispatchDto {
  @ApiProperty({ maxLength: 300, example: 'Cabinet de la Ministre de l’Action sociale' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  recipient: string;

  @ApiPropertyOptional({ minimum: 1, maximum: DISPATCH_OVERDUE_DAYS_MAX, default: DEFAULT_DISPATCH_OVERDUE_DAYS })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(DISPATCH_OVERDUE_DAYS_MAX)
  overdueAfterDays?: number;
}

export class UpdateDispatchDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  recipient?: string;

  @ApiPropertyOptional({ enum: DISPATCH_STATUSES, description: 'to_send → sent → answered | no_answer' })
  @IsOmittable()
  @IsIn(DISPATCH_STATUSES)
  status?: DispatchStatus;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @nullable()
  @Matches(DATE, { message: 'sentAt must be a date (YYYY-MM-DD)' })
  sentAt?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @nullable()
  @Matches(DATE, { message: 'answeredAt must be a date (YYYY-MM-DD)' })
  answeredAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 20000 })
  @nullable()
  @IsString()
  @MaxLength(20000)
  answer?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: DISPATCH_OVERDUE_DAYS_MAX })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(DISPATCH_OVERDUE_DAYS_MAX)
  overdueAfterDays?: number;
}

export class ListDispatchesQueryDto {
  @ApiPropertyOptional({ description: 'true: only to_send and sent (the follow-up page)' })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: 'true: only overdue ones' })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class DispatchAnswerFileResponseDto implements DispatchAnswerFileDto {
  @ApiProperty()
  fileName: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;
}

export class DispatchResponseDto implements DispatchDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentTitle: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  documentKind: DocumentKind;

  @ApiProperty()
  recipient: string;

  @ApiProperty({ enum: DISPATCH_STATUSES })
  status: DispatchStatus;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  sentAt: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  answeredAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  answer: string | null;

  @ApiProperty({ nullable: true, type: DispatchAnswerFileResponseDto, description: 'The PDF of the answer, if attached (GET /api/dispatches/:id/answer-file)' })
  answerFile: DispatchAnswerFileResponseDto | null;

  @ApiProperty()
  overdueAfterDays: number;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  dueDate: string | null;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class DispatchListResponseDto extends ListResponseDto(DispatchResponseDto) {}
