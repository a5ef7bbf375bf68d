import { SUGGESTION_KINDS, SUGGESTION_STATUSES, type ListResponse, type SuggestionDto, type SuggestionFormat, type SuggestionKind, type SuggestionStatus, type UserRefDto } from '@coupole/shared';
import { SuggestionFormatDto } from './create-suggestion.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserRefResponseDto } from '../../users/dto/user-ref.dto';
import { ListResponseDto } from '../../common/list-response.dto';

export class SuggestionAnchorResponseDto {
  @ApiProperty({ description: 'Yjs relative position of the quote’s first character, base64' })
  start: string;

  @ApiProperty({ description: 'Yjs relative position of the end of the quote, base64' })
  end: string;
}

export class SuggestionResponseDto implements SuggestionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ type: UserRefResponseDto })
  author: UserRefDto;

  @ApiProperty({ nullable: true, type: String, description: 'The author’s federation slug when suggesting (null: the secretariat)' })
  federation: string | null;

  @ApiProperty({
    enum: SUGGESTION_KINDS,
    description: 'insert, delete, replace: words within a paragraph; paragraph: the quote or replacement crosses a paragraph break ("\\n\\n"); format: the quote’s formatting changes (see format)',
  })
  kind: SuggestionKind;

  @ApiProperty({ description: 'The text replaced, deleted or formatted, as it was when suggested ("" for an insertion; "\\n\\n" between paragraphs); kept when orphaned' })
  quote: string;

  @ApiProperty({ description: 'What replaces the quote ("" for a deletion; "\\n\\n" starts a paragraph; the quote itself for a format suggestion)' })
  replacement: string;

  @ApiProperty({ type: SuggestionFormatDto, nullable: true, description: 'For a format suggestion: { mark, action } or { block, level? }; null otherwise' })
  format: SuggestionFormat | null;

  @ApiProperty({ enum: SUGGESTION_STATUSES })
  status: SuggestionStatus;

  @ApiProperty({ type: SuggestionAnchorResponseDto })
  anchor: { start: string; end: string };

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Set when the suggestion is (part of) an objection’s amendment' })
  objectionId: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Set when the suggestion is (part of) a reservation’s amendment (non-blocking)' })
  reservationId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'For an objection’s or a reservation’s amendment: the frozen paragraph’s text it was written on' })
  versionText?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'For an orphaned amendment suggestion: the draft’s paragraph where it stood, as it reads now (null if rewritten whole)' })
  draftText?: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ type: UserRefResponseDto, nullable: true })
  decidedBy: UserRefDto | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ description: 'How many comments its thread holds (GET /api/suggestions/:id/comments)', minimum: 0 })
  commentCount: number;
}

export class SuggestionListResponseDto extends ListResponseDto(SuggestionResponseDto) implements ListResponse<SuggestionDto> {}
