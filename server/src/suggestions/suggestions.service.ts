import {
  amendmentEdits,
  anchorAt,
  anchorRunText,
  runText,
  anchorHolds,
  applySuggestion,
  canSuggest,
  checkSuggestionFormat,
  hasStrayLineBreak,
  locateUniqueSpan,
  resolveSpan,
  suggestionActions,
  suggestionKind,
  type AmendmentOwner,
  type CommentDto,
  suggestionSpanProblem,
  type ApplicableSuggestion,
  type SuggestionFormat,
  type SuggestionKind,
  type ListResponse,
  type DocumentPermissions,
  type Paragraph,
  type SuggestionDto,
  type SuggestionStatus,
  type TimelineEventType,
} from '@coupole/shared';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DocumentStateService } from '../collab/document-state.service';
import { CommentsService, type CommentParent } from '../comments/comments.service';
import type { CreateReplyDto } from '../comments/dto/reply.dto';
import { apiError } from '../common/api-errors';
import { DocumentBodyService } from '../document-body/document-body.service';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { EventsService } from '../events/events.service';
import type { User } from '../users/user.entity';
import { CreateSuggestionDto } from './dto/create-suggestion.dto';
import { Suggestion } from './suggestion.entity';
import { SuggestionsRepository } from './suggestions.repository';

type Decision = Extract<SuggestionStatus, 'accepted' | 'rejected' | 'withdrawn'>;

/** An objection's or a reservation's amendment, to turn into suggestions against its round's version. */
export interface AmendmentInput {
  owner: AmendmentOwner;
  documentId: string;
  author: User;
  version: { yjsState: Uint8Array; paragraphs: readonly Paragraph[] };
  paragraphs: readonly string[];
  amendment: string | null;
}

/**
 * Suggestions (DESIGN §10): proposed changes kept beside the Yjs body, which stays the one
 * source of the text. Accepting applies the change as an ordinary edit through the live copy.
 */
@Injectable()
export class SuggestionsService {
  private readonly logger = new Logger(SuggestionsService.name);

  constructor(
    private readonly suggestions: SuggestionsRepository,
    private readonly documents: DocumentsService,
    private readonly body: DocumentBodyService,
    private readonly documentState: DocumentStateService,
    private readonly bus: DomainEventBus,
    private readonly events: EventsService,
    private readonly comments: CommentsService,
  ) {}

  async list(user: User, documentId: string, status?: SuggestionStatus): Promise<ListResponse<SuggestionDto>> {
    await this.documents.assertCan(user, documentId, 'read');
    const items = await this.toDtos(await this.suggestions.listOf(documentId, status));
    return { items: await this.withDraftText(documentId, items), total: items.length };
  }

  /** The suggestion's thread, oldest first, for whoever may read its document (404 otherwise). */
  async listComments(user: User, suggestionId: string): Promise<ListResponse<CommentDto>> {
    const { suggestion } = await this.findReadable(user, suggestionId);
    return this.comments.list(user, threadOf(suggestion));
  }

  /**
   * Adds to the suggestion's thread, for whoever may comment on its document (observers invited
   * to it too; the comments module's rules, mentions and `comment.created` event), whatever the
   * suggestion's status; then `suggestion.updated` carries the new `commentCount`.
   */
  async addComment(user: User, suggestionId: string, request: CreateReplyDto): Promise<CommentDto> {
    const { suggestion } = await this.findReadable(user, suggestionId);
    const comment = await this.comments.create(user, threadOf(suggestion), request);
    await this.publishUpdate(suggestionId);
    return comment;
  }

  /** The threads of these suggestions that have comments, by suggestion id (for the DOCX export: Word comments). */
  async threadsOf(user: User, suggestions: readonly SuggestionDto[]): Promise<Map<string, CommentDto[]>> {
    const threads = new Map<string, CommentDto[]>();
    for (const suggestion of suggestions) {
      if (suggestion.commentCount === 0) continue;
      threads.set(suggestion.id, (await this.comments.list(user, threadOf(suggestion))).items);
    }
    return threads;
  }

  /** With each one's `commentCount` (one query for all). */
  private async toDtos(suggestions: readonly Suggestion[]): Promise<SuggestionDto[]> {
    const counts = await this.comments.countOnSuggestions(suggestions.map((suggestion) => suggestion.id));
    return suggestions.map((suggestion) => toSuggestionDto(suggestion, counts.get(suggestion.id) ?? 0));
  }

  /** Orphaned amendment suggestions with the draft's paragraph where they stood, to compare side by side. */
  private async withDraftText(documentId: string, items: SuggestionDto[]): Promise<SuggestionDto[]> {
    if (!items.some((item) => item.status === 'orphaned' && item.versionText != null)) return items;
    const doc = await this.currentDoc(documentId);
    try {
      return items.map((item) => (item.status === 'orphaned' && item.versionText != null ? { ...item, draftText: anchorRunText(doc, item.anchor) } : item));
    } finally {
      doc.destroy();
    }
  }

  /** Open suggestions of a document with their authors (for the DOCX export). */
  async openOf(documentId: string): Promise<SuggestionDto[]> {
    return this.toDtos(await this.suggestions.listOf(documentId, 'open'));
  }

  async create(user: User, documentId: string, request: CreateSuggestionDto): Promise<SuggestionDto> {
    const permissions = await this.documents.permissionsFor(user, documentId);
    if (!permissions.read) throw new NotFoundException(`Document ${documentId} not found`);
    if (!canSuggest(permissions)) {
      throw new ForbiddenException(apiError('forbidden', 'Only those who may edit this document (representatives, the secretariat) may suggest changes, and only while it is drafted'));
    }
    const { kind, replacement, format } = this.readRequest(request);
    const doc = await this.currentDoc(documentId);
    let anchor: { start: string; end: string };
    try {
      if (request.anchor) {
        const span = resolveSpan(doc, request.anchor);
        if (!span || span.current !== request.quote) {
          throw new BadRequestException(apiError('suggestion_anchor_mismatch', ['anchor must point at quote in the current text']));
        }
        anchor = { start: request.anchor.start, end: request.anchor.end };
      } else {
        if (request.quote === '') {
          throw new BadRequestException(apiError('suggestion_quote_not_found', ['quote must not be empty without an anchor (it says where the change goes)']));
        }
        const located = locateUniqueSpan(doc, request.quote);
        if (!located.found) {
          throw new BadRequestException(
            located.occurrences === 0
              ? apiError('suggestion_quote_not_found', ['quote must occur exactly once in the current text (within one paragraph, or "\\n\\n" between consecutive paragraphs); it does not occur'])
              : apiError('suggestion_quote_ambiguous', [`quote must occur exactly once in the current text; it occurs ${located.occurrences} times`]),
          );
        }
        anchor = located.anchor;
      }
      const span = resolveSpan(doc, anchor)!;
      const problem = suggestionSpanProblem(span, request.quote, replacement, format);
      if (problem) throw new BadRequestException(apiError('suggestion_not_applicable', [problem]));
    } finally {
      doc.destroy();
    }
    const id = await this.suggestions.insert({
      documentId,
      authorId: user.id,
      federationSlug: user.federationSlug,
      kind,
      quote: request.quote,
      replacement,
      format,
      anchorStart: anchor.start,
      anchorEnd: anchor.end,
      status: 'open',
      objectionId: null,
      reservationId: null,
      versionText: null,
      decidedById: null,
      decidedAt: null,
    });
    const dto = toSuggestionDto(await this.suggestions.load(id), 0);
    await this.record('suggestion.created', dto, user.id);
    await this.bus.emitAndWait('suggestion.created', { suggestion: dto });
    return dto;
  }

  /** The kind, replacement and format a request asks for; 400 naming the field when it makes no sense. */
  private readRequest(request: CreateSuggestionDto): { kind: SuggestionKind; replacement: string; format: SuggestionFormat | null } {
    for (const field of ['quote', 'replacement'] as const) {
      const text = request[field];
      if (text !== undefined && hasStrayLineBreak(text)) {
        throw new BadRequestException(apiError('suggestion_not_applicable', [`${field} may break lines only between paragraphs, with "\\n\\n"`]));
      }
    }
    if (request.format) {
      const checked = checkSuggestionFormat(request.format);
      if (!checked.valid) throw new BadRequestException(apiError('suggestion_invalid_format', [checked.problem]));
      if (request.quote === '') throw new BadRequestException(apiError('suggestion_invalid_format', ['quote must not be empty for a format suggestion (it is the text formatted)']));
      if (request.replacement !== undefined && request.replacement !== request.quote) {
        throw new BadRequestException(apiError('suggestion_invalid_format', ['replacement must be omitted or equal to quote for a format suggestion']));
      }
      return { kind: 'format', replacement: request.quote, format: checked.format };
    }
    const replacement = request.replacement ?? '';
    const kind = suggestionKind(request.quote, replacement);
    if (!kind) throw new BadRequestException(apiError('suggestion_no_change', ['replacement must differ from quote']));
    return { kind, replacement, format: null };
  }

  /**
   * An objection's or a reservation's amendment as suggestions against the frozen version it was
   * raised on (DESIGN §10): the owner's earlier open suggestions are withdrawn, then each change
   * of the amendment is anchored in the version's Yjs state, which the draft descends from, so
   * the anchors follow the text into the draft. An amendment that cannot stand in place of the
   * paragraphs gives no suggestion (its text stays on the objection or reservation).
   */
  async replaceAmendment(input: AmendmentInput): Promise<SuggestionDto[]> {
    await this.withdrawAmendment(input.owner, input.author);
    const dtos: SuggestionDto[] = [];
    for (const id of await this.insertAmendment(input)) {
      const dto = toSuggestionDto(await this.suggestions.load(id), 0);
      await this.bus.emitAndWait('suggestion.created', { suggestion: dto });
      dtos.push(dto);
    }
    // Anchored on the version: the draft may have moved on (re-anchored or orphaned now, not at the next edit).
    if (dtos.length > 0) await this.checkAnchors(input.documentId);
    return dtos;
  }

  /**
   * A first amendment's suggestions inside the caller's transaction (the demo seed's, whose draft
   * is still the version): no live event, nobody follows a history being written.
   */
  async recordAmendmentIn(manager: EntityManager, input: AmendmentInput): Promise<number> {
    return (await this.insertAmendment(input, manager)).length;
  }

  private async insertAmendment(input: AmendmentInput, manager?: EntityManager): Promise<string[]> {
    if (!input.amendment) return [];
    const doc = new Y.Doc();
    Y.applyUpdate(doc, input.version.yjsState);
    const created: string[] = [];
    try {
      const result = amendmentEdits(doc, input.version.paragraphs, input.paragraphs, input.amendment);
      for (const edit of result?.edits ?? []) {
        const anchor = anchorAt(edit.location, edit.quote.length);
        created.push(
          await this.suggestions.insert(
            {
              documentId: input.documentId,
              authorId: input.author.id,
              federationSlug: input.author.federationSlug,
              kind: suggestionKind(edit.quote, edit.replacement)!,
              quote: edit.quote,
              replacement: edit.replacement,
              format: null,
              anchorStart: anchor.start,
              anchorEnd: anchor.end,
              status: 'open',
              objectionId: input.owner.source === 'objection' ? input.owner.id : null,
              reservationId: input.owner.source === 'reservation' ? input.owner.id : null,
              versionText: runText(edit.location.text),
              decidedById: null,
              decidedAt: null,
            },
            manager,
          ),
        );
      }
    } finally {
      doc.destroy();
    }
    return created;
  }

  /** The amendment's open suggestions, withdrawn (its federation changed or dropped its amendment). */
  async withdrawAmendment(owner: AmendmentOwner, by: User): Promise<void> {
    for (const suggestion of await this.suggestions.ofAmendment(owner)) {
      if (suggestion.status !== 'open') continue;
      if (await this.suggestions.decide(suggestion.id, 'withdrawn', by.id)) await this.publishUpdate(suggestion.id);
    }
  }

  /** The suggestions of these amendments, but for those withdrawn (an earlier wording), oldest first per amendment. */
  async ofAmendments(owners: readonly AmendmentOwner[]): Promise<SuggestionDto[]> {
    const lists = await Promise.all(owners.map((owner) => this.suggestions.ofAmendment(owner)));
    return this.toDtos(lists.flat().filter((suggestion) => suggestion.status !== 'withdrawn'));
  }

  /** Statuses of an amendment's suggestions (the rounds module decides with them whether it was taken). */
  async amendmentStatuses(owner: AmendmentOwner): Promise<SuggestionStatus[]> {
    return (await this.suggestions.ofAmendment(owner)).map((suggestion) => suggestion.status);
  }

  /** Applies the change to the body in one Yjs transaction; 409 (and orphaned) if its text is gone. */
  async accept(user: User, suggestionId: string): Promise<SuggestionDto> {
    const suggestion = await this.findActionable(user, suggestionId, 'accept');
    if (!(await this.suggestions.decide(suggestionId, 'accepted', user.id))) throw notOpen();
    let applied: boolean;
    try {
      applied = await this.documentState.applyServerTransaction(suggestion.documentId, user.id, (doc) => applySuggestion(doc, applicable(suggestion)));
    } catch (error) {
      // Not applied (the text was sealed meanwhile, the database failed): still open.
      await this.suggestions.reopen(suggestionId);
      throw error;
    }
    if (!applied) {
      await this.suggestions.markOrphaned(suggestionId, 'accepted');
      await this.record('suggestion.orphaned', await this.publishUpdate(suggestionId), null);
      throw new ConflictException(apiError('suggestion_orphaned', 'The suggested text was changed or deleted meanwhile: the suggestion is orphaned'));
    }
    const dto = await this.publishUpdate(suggestionId);
    await this.record('suggestion.accepted', dto, user.id);
    return dto;
  }

  /**
   * Accepts every open suggestion of an amendment in one Yjs transaction: all of them apply or
   * none does (409, and those whose text changed meanwhile are orphaned). Empty when the
   * amendment has no open suggestion.
   */
  async acceptAmendment(user: User, owner: AmendmentOwner): Promise<SuggestionDto[]> {
    const open = (await this.suggestions.ofAmendment(owner)).filter((suggestion) => suggestion.status === 'open');
    if (open.length === 0) return [];
    for (const suggestion of open) await this.findActionable(user, suggestion.id, 'accept');
    const documentId = open[0].documentId;
    const decided: string[] = [];
    const reopen = async () => {
      for (const id of decided) await this.suggestions.reopen(id);
    };
    let applied: boolean;
    try {
      for (const suggestion of open) {
        if (!(await this.suggestions.decide(suggestion.id, 'accepted', user.id))) throw notOpen();
        decided.push(suggestion.id);
      }
      applied = await this.documentState.applyServerTransaction(documentId, user.id, (doc) => {
        if (!open.every((suggestion) => anchorHolds(doc, applicable(suggestion).anchor, suggestion.quote))) return false;
        doc.transact(() => {
          for (const suggestion of open) applySuggestion(doc, applicable(suggestion));
        });
        return true;
      });
    } catch (error) {
      await reopen();
      throw error;
    }
    if (!applied) {
      await reopen();
      await this.checkAnchors(documentId);
      throw new ConflictException(
        apiError('suggestion_orphaned', 'Part of the amended text was changed or deleted meanwhile: nothing was applied; decide its suggestions one by one'),
      );
    }
    const dtos: SuggestionDto[] = [];
    for (const id of decided) {
      const dto = await this.publishUpdate(id);
      await this.record('suggestion.accepted', dto, user.id);
      dtos.push(dto);
    }
    return dtos;
  }

  /**
   * The amendment was taken into the draft whole (it changes more than words): its open
   * suggestions are recorded as accepted, their words being in the text now.
   */
  async markAmendmentAccepted(user: User, owner: AmendmentOwner): Promise<void> {
    for (const suggestion of await this.suggestions.ofAmendment(owner)) {
      if (suggestion.status !== 'open') continue;
      await this.findActionable(user, suggestion.id, 'accept');
      if (!(await this.suggestions.decide(suggestion.id, 'accepted', user.id))) continue;
      await this.record('suggestion.accepted', await this.publishUpdate(suggestion.id), user.id);
    }
  }

  async reject(user: User, suggestionId: string): Promise<SuggestionDto> {
    return this.decide(user, suggestionId, 'reject', 'rejected');
  }

  async withdraw(user: User, suggestionId: string): Promise<SuggestionDto> {
    return this.decide(user, suggestionId, 'withdraw', 'withdrawn');
  }

  /**
   * After edits of the body: open suggestions whose quote is no longer where they point are
   * re-anchored if the quote still occurs exactly once (y-prosemirror recreates a paragraph's
   * text on some edits), and orphaned otherwise, their quote kept.
   */
  async checkAnchors(documentId: string): Promise<void> {
    const open = await this.suggestions.listOf(documentId, 'open');
    if (open.length === 0) return;
    const doc = await this.currentDoc(documentId);
    try {
      for (const suggestion of open) {
        const anchor = { start: suggestion.anchorStart, end: suggestion.anchorEnd };
        if (anchorHolds(doc, anchor, suggestion.quote)) continue;
        const located = suggestion.quote === '' ? null : locateUniqueSpan(doc, suggestion.quote);
        const changed = located?.found
          ? await this.suggestions.reanchor(suggestion.id, located.anchor)
          : await this.suggestions.markOrphaned(suggestion.id, 'open');
        if (!changed) continue;
        const dto = await this.publishUpdate(suggestion.id);
        if (dto.status === 'orphaned') await this.record('suggestion.orphaned', dto, null);
      }
    } finally {
      doc.destroy();
    }
  }

  private async decide(user: User, suggestionId: string, action: 'reject' | 'withdraw', status: Decision): Promise<SuggestionDto> {
    await this.findActionable(user, suggestionId, action);
    if (!(await this.suggestions.decide(suggestionId, status, user.id))) throw notOpen();
    const dto = await this.publishUpdate(suggestionId);
    await this.record(status === 'rejected' ? 'suggestion.rejected' : 'suggestion.withdrawn', dto, user.id);
    return dto;
  }

  /** The document's timeline: who suggested, decided or withdrew what (the quote and replacement as excerpt). */
  private async record(type: Extract<TimelineEventType, `suggestion.${string}`>, suggestion: SuggestionDto, actorId: string | null): Promise<void> {
    const change = [suggestion.quote && `« ${suggestion.quote} »`, suggestion.replacement && `« ${suggestion.replacement} »`].filter(Boolean).join(' → ');
    await this.events.record(null, {
      documentId: suggestion.documentId,
      type,
      actorId,
      payload: { suggestionId: suggestion.id, federation: suggestion.federation ?? '', suggestionKind: suggestion.kind, excerpt: change.slice(0, 280) },
    });
  }

  /** The suggestion and the caller's rights on its document; 404 if they cannot read it (or it does not exist). */
  private async findReadable(user: User, suggestionId: string): Promise<{ suggestion: Suggestion; permissions: DocumentPermissions }> {
    const suggestion = await this.suggestions.find(suggestionId);
    if (!suggestion) throw new NotFoundException('Suggestion not found');
    const permissions = await this.documents.permissionsFor(user, suggestion.documentId);
    if (!permissions.read) throw new NotFoundException('Suggestion not found');
    return { suggestion, permissions };
  }

  /** The suggestion, once the caller may do `action` on it (404 if they cannot read its document). */
  private async findActionable(user: User, suggestionId: string, action: 'accept' | 'reject' | 'withdraw'): Promise<Suggestion> {
    const { suggestion, permissions } = await this.findReadable(user, suggestionId);
    if (suggestion.status !== 'open') throw notOpen();
    if (!suggestionActions(user, permissions, suggestion)[action]) {
      throw new ForbiddenException(
        action === 'withdraw'
          ? apiError('suggestion_author_only', 'Only its author may withdraw a suggestion')
          : apiError('forbidden', 'Only those who may edit this document may accept or refuse its suggestions'),
      );
    }
    return suggestion;
  }

  private async currentDoc(documentId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.body.load(documentId));
    return doc;
  }

  private async publishUpdate(suggestionId: string): Promise<SuggestionDto> {
    const [loaded] = await this.toDtos([await this.suggestions.load(suggestionId)]);
    // An orphaned amendment suggestion carries the draft's paragraph where it stood, as the list does.
    const [dto] = await this.withDraftText(loaded.documentId, [loaded]);
    await this.bus.emitAndWait('suggestion.updated', { suggestion: dto });
    return dto;
  }
}

function applicable(suggestion: Suggestion): ApplicableSuggestion {
  return { anchor: { start: suggestion.anchorStart, end: suggestion.anchorEnd }, quote: suggestion.quote, replacement: suggestion.replacement, format: suggestion.format };
}

function notOpen(): ConflictException {
  return new ConflictException(apiError('suggestion_not_open', 'This suggestion was already accepted, refused, withdrawn or orphaned'));
}

/** A suggestion's card thread: comments on its document. */
function threadOf(suggestion: Pick<Suggestion, 'id' | 'documentId'>): CommentParent {
  return { kind: 'suggestion', id: suggestion.id, documentId: suggestion.documentId };
}

/** `author` and `decidedBy` must be loaded. */
export function toSuggestionDto(suggestion: Suggestion, commentCount: number): SuggestionDto {
  if (!suggestion.author) throw new Error('suggestion author not loaded');
  const ref = (user: User) => ({ id: user.id, displayName: user.displayName, federation: user.federationSlug });
  return {
    id: suggestion.id,
    documentId: suggestion.documentId,
    author: ref(suggestion.author),
    federation: suggestion.federationSlug,
    kind: suggestion.kind,
    quote: suggestion.quote,
    replacement: suggestion.replacement,
    format: suggestion.format,
    status: suggestion.status,
    anchor: { start: suggestion.anchorStart, end: suggestion.anchorEnd },
    objectionId: suggestion.objectionId,
    reservationId: suggestion.reservationId,
    versionText: suggestion.versionText,
    createdAt: suggestion.createdAt.toISOString(),
    decidedBy: suggestion.decidedBy ? ref(suggestion.decidedBy) : null,
    decidedAt: suggestion.decidedAt ? suggestion.decidedAt.toISOString() : null,
    commentCount,
  };
}
