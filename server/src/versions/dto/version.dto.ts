import { paragraphUnits, type DiffPart, type ListResponse, type ParagraphChange, type ParagraphDto, type ParagraphUnit, type UserRefDto, type VersionDto } from '@coupole/shared';
import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { UserRefResponseDto, toUserRef } from '../../users/dto/user-ref.dto';
import type { Version } from '../version.entity';
import type { DiffSide } from './diff-query.dto';
import { DiffPartResponseDto, PARAGRAPH_CHANGE_MODELS, ParagraphChangesProperty } from './diff-response.dto';
import { ParagraphResponseDto, ParagraphUnitResponseDto } from './paragraph-response.dto';
import { ListResponseDto } from '../../common/list-response.dto';

/** A version in a list: everything but the body. */
export type VersionSummary = Omit<VersionDto, 'markdown' | 'paragraphs' | 'units'> & { id: string; documentId: string };

export class VersionSummaryResponseDto implements VersionSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ minimum: 1 })
  number: number;

  @ApiProperty({ nullable: true, type: String })
  label: string | null;

  @ApiProperty({ type: UserRefResponseDto })
  author: UserRefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'SHA-256 (hex) of the Markdown' })
  contentHash: string;
}

export class VersionResponseDto extends VersionSummaryResponseDto implements VersionDto {
  @ApiProperty({ description: 'Canonical Markdown of the frozen body' })
  markdown: string;

  @ApiProperty({ type: [ParagraphResponseDto], description: 'The top-level blocks, `id` stable for this version' })
  paragraphs: ParagraphDto[];

  @ApiProperty({
    type: [ParagraphUnitResponseDto],
    description: 'The addressable paragraphs: list items and table rows one by one (§ N.k), headings as labels (not objectable)',
  })
  units: ParagraphUnit[];
}

export class VersionListResponseDto extends ListResponseDto(VersionSummaryResponseDto) implements ListResponse<VersionSummary> {}

export interface DiffSideDto {
  version: DiffSide;
  contentHash: string;
}

export interface VersionDiff {
  from: DiffSideDto;
  to: DiffSideDto;
  parts: DiffPart[];
  paragraphs: ParagraphChange[];
}

export class DiffSideResponseDto implements DiffSideDto {
  @ApiProperty({ oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', enum: ['draft'] }] })
  version: DiffSide;

  @ApiProperty()
  contentHash: string;
}

@ApiExtraModels(...PARAGRAPH_CHANGE_MODELS)
export class VersionDiffResponseDto implements VersionDiff {
  @ApiProperty({ type: DiffSideResponseDto })
  from: DiffSideDto;

  @ApiProperty({ type: DiffSideResponseDto })
  to: DiffSideDto;

  @ApiProperty({ type: [DiffPartResponseDto], description: 'Word-level diff of the two Markdown texts' })
  parts: DiffPart[];

  @ParagraphChangesProperty('Block-by-block changes: equal, insert, delete, or change with a word diff')
  paragraphs: ParagraphChange[];
}

export interface RestoreResult {
  restoredFrom: number;
  /** False when the draft already had that text. */
  changed: boolean;
  markdown: string;
  contentHash: string;
}

export class RestoreResponseDto implements RestoreResult {
  @ApiProperty({ minimum: 1 })
  restoredFrom: number;

  @ApiProperty()
  changed: boolean;

  @ApiProperty()
  markdown: string;

  @ApiProperty()
  contentHash: string;
}

/** `author` must be loaded. */
export function toVersionSummary(version: Version): VersionSummary {
  if (!version.author) throw new Error('version author not loaded');
  return {
    id: version.id,
    documentId: version.documentId,
    number: version.number,
    label: version.label,
    author: toUserRef(version.author),
    createdAt: version.createdAt.toISOString(),
    contentHash: version.contentHash,
  };
}

export function toVersionDto(version: Version): VersionDto & VersionSummary {
  return { ...toVersionSummary(version), markdown: version.markdown, paragraphs: version.paragraphs, units: paragraphUnits(version.paragraphs) };
}
