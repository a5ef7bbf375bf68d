import { MEETING_AGENDA_MAX_ITEMS, MEETING_KINDS, MEETING_MINUTES_MAX_LENGTH, MEETING_STATUSES, MEETING_TITLE_MAX_LENGTH, type MeetingKind, type MeetingStatus } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../common/validation';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const nullable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined && value !== null);

export class AgendaItemInputDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @nullable()
  @IsUUID()
  documentId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @nullable()
  @IsUUID()
  roundId?: string | null;
}

export class CreateMeetingDto {
  @ApiProperty({ maxLength: MEETING_TITLE_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MEETING_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind: MeetingKind;

  @ApiProperty({ description: 'Brussels wall-clock time, YYYY-MM-DDTHH:mm', example: '2026-03-30T10:00' })
  @Matches(WALL_CLOCK, { message: 'start must be a Brussels time YYYY-MM-DDTHH:mm' })
  start: string;

  @ApiProperty({ description: 'Brussels wall-clock time, YYYY-MM-DDTHH:mm', example: '2026-03-30T12:00' })
  @Matches(WALL_CLOCK, { message: 'end must be a Brussels time YYYY-MM-DDTHH:mm' })
  end: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Video-call or information link' })
  @nullable()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(1000)
  link?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @nullable()
  @IsUUID()
  bodyId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  attendeeIds?: string[];

  @ApiPropertyOptional({ type: [AgendaItemInputDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MEETING_AGENDA_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda?: AgendaItemInputDto[];

  @ApiPropertyOptional({ maxLength: MEETING_MINUTES_MAX_LENGTH, description: 'Minutes in Markdown; for a mandate meeting, the retour de mandat' })
  @IsOmittable()
  @IsString()
  @MaxLength(MEETING_MINUTES_MAX_LENGTH)
  minutes?: string;
}

export class UpdateMeetingDto extends PartialType(CreateMeetingDto) {
  @ApiPropertyOptional({ enum: MEETING_STATUSES, description: '`cancelled` keeps the meeting, marked cancelled in calendars' })
  @IsOmittable()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class ListMeetingsQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'First Brussels day (inclusive)' })
  @IsOmittable()
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last Brussels day (inclusive)' })
  @IsOmittable()
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}

export class CreateActionDto {
  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @nullable()
  @IsUUID()
  assignee?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @nullable()
  @Matches(DATE, { message: 'due must be a date (YYYY-MM-DD)' })
  due?: string | null;
}

export class UpdateActionDto extends PartialType(CreateActionDto) {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  done?: boolean;
}

export class CalendarTokenParams {
  @ApiProperty({ description: 'The secret 128-bit token (32 hex digits)' })
  @Matches(/^[0-9a-f]{32}$/, { message: 'token must be a calendar token' })
  token: string;
}
