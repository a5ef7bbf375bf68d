import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentDetailDto,
  type DocumentDto,
  type DocumentKind,
  type DocumentListItemDto,
  type DocumentPermissions,
  type DocumentStatus,
  type ListResponse,
  type PresenceEntry,
  type TimelineEventDto,
  type TimelineEventType,
  TIMELINE_EVENT_TYPES,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Document } from '../document.entity';
import { toUserRef, UserRefResponseDto } from '../../users/dto/user-ref.dto';
import { ListResponseDto } from '../../common/list-response.dto';

class PresenceEntryResponseDto implements PresenceEntry {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ nullable: true, type: String })
  federation: string | null;
}

class DocumentPermissionsResponseDto implements DocumentPermissions {
  @ApiProperty()
  read: boolean;

  @ApiProperty()
  edit: boolean;

  @ApiProperty()
  comment: boolean;

  @ApiProperty()
  manage: boolean;
}

class DocumentFieldsDto implements Omit<DocumentDto, 'markdown'> {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;

  @ApiProperty({ enum: DOCUMENT_STATUSES })
  status: DocumentStatus;

  @ApiProperty({ type: UserRefResponseDto })
  createdBy: UserRefResponseDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ format: 'date-time' })
  lastEditedAt: string;

  @ApiProperty({ type: [UserRefResponseDto] })
  observers: UserRefResponseDto[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set while archived: read-only, out of the default list; the status is unchanged.' })
  archivedAt: string | null;

  @ApiProperty({ type: UserRefResponseDto, nullable: true, description: 'Who archived it.' })
  archivedBy: UserRefResponseDto | null;
}

export class DocumentListItemResponseDto extends DocumentFieldsDto implements DocumentListItemDto {
  @ApiProperty({ description: 'The beginning of the body, as plain text.' })
  excerpt: string;

  @ApiProperty({ type: [PresenceEntryResponseDto], description: 'Who is editing it right now.' })
  editors: PresenceEntryResponseDto[];
}

export class DocumentListResponseDto extends ListResponseDto(DocumentListItemResponseDto) implements ListResponse<DocumentListItemDto> {}

export class DocumentResponseDto extends DocumentFieldsDto implements DocumentDetailDto {
  @ApiProperty({ description: 'The current body as canonical Markdown.' })
  markdown: string;

  @ApiProperty({ type: DocumentPermissionsResponseDto })
  permissions: DocumentPermissionsResponseDto;

  @ApiProperty({ type: [PresenceEntryResponseDto] })
  editors: PresenceEntryResponseDto[];
}

class TimelineEventResponseDto implements TimelineEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TIMELINE_EVENT_TYPES })
  type: TimelineEventType;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  roundId?: string | null;

  @ApiProperty({ type: UserRefResponseDto, nullable: true })
  actor: UserRefResponseDto | null;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Grouped edits: the last one.' })
  until?: string;

  @ApiPropertyOptional({ description: 'Grouped edits: how many.' })
  count?: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload: Record<string, unknown>;
}

export class TimelineResponseDto extends ListResponseDto(TimelineEventResponseDto) implements ListResponse<TimelineEventDto> {}

const EXCERPT_LENGTH = 240;

/** Markdown → a short plain-text preview for the list (marks and table pipes dropped). */
export function excerptOf(markdown: string): string {
  const text = markdown
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, '')
    .replace(/[*_`~\\|]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** Needs `createdBy`, `observers` and `archivedBy` loaded. */
export function toDocumentFields(document: Document): Omit<DocumentDto, 'markdown'> {
  if (!document.createdBy || !document.observers) throw new Error('Document relations createdBy and observers must be loaded');
  return {
    id: document.id,
    title: document.title,
    kind: document.kind,
    status: document.status,
    createdBy: toUserRef(document.createdBy),
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    lastEditedAt: document.lastEditedAt.toISOString(),
    observers: [...document.observers].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')).map(toUserRef),
    archivedAt: document.archivedAt ? document.archivedAt.toISOString() : null,
    archivedBy: document.archivedAt && document.archivedBy ? toUserRef(document.archivedBy) : null,
  };
}
