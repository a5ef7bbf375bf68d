import {
  FEDERATION_SHORT_NAMES,
  FEDERATION_SLUGS,
  handleNames,
  mentionHandlesFor,
  type CommentDto,
  type FederationSlug,
  type ListResponse,
  type MentionableDto,
} from '@coupole/shared';
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { EventsService } from '../events/events.service';
import { InfosService } from '../infos/infos.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Comment } from './comment.entity';
import { CommentsRepository, type CommentChanges, type CommentParentKey, type ThreadRow } from './comments.repository';
import { toCommentDto } from './dto/comment.dto';
import { CreateCommentDto } from './dto/create-comment.dto';
import { CreateReplyDto } from './dto/reply.dto';
import { UpdateCommentDto } from './dto/update-comment.dto';
import { apiError } from '../common/api-errors';
import { classifyHandle, mentionHandles } from './mentions';

const EXCERPT_LENGTH = 140;

/**
 * What a thread hangs on: a document (anchors, timeline, live, notifications), an info of the
 * watch, or a suggestion's card — on the suggestion's document, whose rules it follows; the
 * suggestions module (above this one) vouches that the suggestion exists and is on it.
 */
export type CommentParent = { kind: 'document'; id: string } | { kind: 'info'; id: string } | { kind: 'suggestion'; id: string; documentId: string };

const parentOf = (comment: Pick<Comment, 'documentId' | 'infoId' | 'suggestionId'>): CommentParent => {
  if (comment.suggestionId) return { kind: 'suggestion', id: comment.suggestionId, documentId: comment.documentId as string };
  return comment.documentId ? { kind: 'document', id: comment.documentId } : { kind: 'info', id: comment.infoId as string };
};

/** The document a thread is on, if any. */
const documentOf = (parent: CommentParent): string | null =>
  parent.kind === 'document' ? parent.id : parent.kind === 'suggestion' ? parent.documentId : null;

const parentKey = (parent: CommentParent): CommentParentKey =>
  parent.kind === 'document' ? { documentId: parent.id } : parent.kind === 'info' ? { infoId: parent.id } : { suggestionId: parent.id };

/** A suggestion's thread is a flat list of comments, closed by the suggestion's decision. */
function flatThread(change: string): BadRequestException {
  return new BadRequestException(
    apiError('suggestion_thread_flat', [`${change}: a comment on a suggestion is answered with POST /api/suggestions/:id/comments and is never resolved`]),
  );
}

interface ResolvedMentions {
  mentions: string[];
  recipientIds: string[];
}

/** A thread as the home page lists it. */
export interface ThreadSummary {
  commentId: string;
  documentId: string;
  excerpt: string;
  authorName: string;
  createdAt: string;
}

function toThreadSummary(row: ThreadRow, authorName: string): ThreadSummary {
  return {
    commentId: row.id,
    documentId: row.documentId,
    excerpt: excerpt(row.body),
    authorName,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ');
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly infos: InfosService,
    private readonly events: EventsService,
    private readonly bus: DomainEventBus,
  ) {}

  /**
   * For the home page: unresolved threads naming the user or their federation (in the comment
   * or a reply), and unresolved threads nobody has answered (the user's own left out), newest
   * first, limited to `documentIds` when given (observers).
   */
  async awaitingUser(user: User, documentIds: readonly string[] | 'all', limit = 20): Promise<{ mentions: ThreadSummary[]; unanswered: ThreadSummary[] }> {
    if (documentIds !== 'all' && documentIds.length === 0) return { mentions: [], unanswered: [] };
    const handles = [user.id, ...(user.federationSlug ? [user.federationSlug] : [])];
    const [mentions, unanswered] = await Promise.all([
      this.comments.threadsMentioning(handles, documentIds, limit),
      this.comments.threadsUnanswered(user.id, documentIds, limit),
    ]);
    // The authors' names in one lookup for both lists.
    const authors = await this.users.findByIds([...new Set([...mentions, ...unanswered].map((row) => row.authorId))]);
    const names = new Map(authors.map((author) => [author.id, author.displayName]));
    const summary = (row: ThreadRow) => toThreadSummary(row, names.get(row.authorId) ?? '');
    return { mentions: mentions.map(summary), unanswered: unanswered.map(summary) };
  }

  /**
   * Whom a comment on the document may name: the five federations, then every active account
   * that may read it, by name (display name, federation, role and an opaque handle — never an
   * e-mail address). Only for those who may read the document (404 otherwise).
   */
  async mentionable(user: User, documentId: string): Promise<ListResponse<MentionableDto>> {
    await this.documents.assertCan(user, documentId, 'read');
    const active = await this.users.findActive();
    const readers = await this.documents.readersAmong(documentId, active);
    const handles = mentionHandlesFor(readers);
    const items: MentionableDto[] = [
      ...FEDERATION_SLUGS.map((slug) => ({ kind: 'federation' as const, id: slug, handle: slug, displayName: FEDERATION_SHORT_NAMES[slug], federation: slug })),
      ...readers.map((reader) => ({
        kind: 'person' as const,
        id: reader.id,
        handle: handles.get(reader.id) ?? reader.id,
        displayName: reader.displayName,
        federation: reader.federationSlug,
        role: reader.role,
      })),
    ];
    return { items, total: items.length };
  }

  async list(user: User, parent: CommentParent): Promise<ListResponse<CommentDto>> {
    await this.assertCanOn(user, parent, 'read');
    const comments = await this.comments.listOn(parentKey(parent));
    return { items: comments.map(toCommentDto), total: comments.length };
  }

  /** How many comments each suggestion's thread holds (0 when none); the caller checked access. */
  async countOnSuggestions(suggestionIds: readonly string[]): Promise<Map<string, number>> {
    return this.comments.countOnSuggestions(suggestionIds);
  }

  async create(user: User, parent: CommentParent, request: CreateCommentDto): Promise<CommentDto> {
    await this.assertCanOn(user, parent, 'comment');
    // An anchor is a Yjs position in a co-edited body: infos have none, a suggestion has its own.
    if (parent.kind !== 'document' && request.anchor) throw new BadRequestException(['anchor is only allowed on a comment on a document']);
    const { mentions, recipientIds } = await this.resolveMentions(user, parent, request.body);
    const documentId = documentOf(parent);
    const suggestionId = parent.kind === 'suggestion' ? parent.id : null;
    const id = await this.comments.transaction(async (manager) => {
      const comment = await this.comments.insert(manager, {
        documentId,
        infoId: parent.kind === 'info' ? parent.id : null,
        suggestionId,
        authorId: user.id,
        body: request.body,
        anchorStart: request.anchor?.start ?? null,
        anchorEnd: request.anchor?.end ?? null,
        anchorQuote: request.anchor?.quote ?? null,
        mentions,
        resolved: false,
        resolvedById: null,
        resolvedAt: null,
      });
      if (documentId) {
        await this.events.record(manager, {
          documentId,
          type: 'comment.created',
          actorId: user.id,
          payload: { commentId: comment.id, excerpt: excerpt(comment.body), mentions, ...(suggestionId ? { suggestionId } : {}) },
        });
      }
      return comment.id;
    });
    const dto = toCommentDto(await this.load(id));
    await this.bus.emitAndWait('comment.created', { comment: dto });
    if (documentId) await this.notify({ documentId, commentId: id, replyId: null, authorId: user.id, mentions, recipientIds, excerpt: excerpt(dto.body) });
    return dto;
  }

  /** Answers the thread; returns the whole thread. */
  async reply(user: User, commentId: string, request: CreateReplyDto): Promise<CommentDto> {
    const comment = await this.findAccessible(user, commentId);
    if (comment.suggestionId) throw flatThread('replies');
    const { mentions, recipientIds } = await this.resolveMentions(user, parentOf(comment), request.body);
    const { documentId } = comment;
    const replyId = await this.comments.transaction(async (manager) => {
      const reply = await this.comments.insertReply(manager, { commentId, authorId: user.id, body: request.body, mentions });
      // The thread's updatedAt says when it last moved.
      await this.comments.update(manager, commentId, { updatedAt: new Date() });
      if (documentId) {
        await this.events.record(manager, {
          documentId,
          type: 'comment.replied',
          actorId: user.id,
          payload: { commentId, excerpt: excerpt(reply.body), mentions },
        });
      }
      return reply.id;
    });
    const dto = await this.publishUpdate(commentId);
    if (!documentId) return dto;
    await this.notify({
      documentId,
      commentId,
      replyId,
      authorId: user.id,
      mentions,
      recipientIds,
      excerpt: excerpt(request.body),
    });
    return dto;
  }

  async update(user: User, commentId: string, request: UpdateCommentDto): Promise<CommentDto> {
    if (request.resolved === undefined && request.body === undefined) {
      throw new BadRequestException(['resolved or body must be given']);
    }
    const comment = await this.findAccessible(user, commentId);
    if (request.body !== undefined && comment.authorId !== user.id) {
      throw new ForbiddenException('Only its author may edit the text of this comment');
    }
    if (comment.suggestionId && request.resolved !== undefined) throw flatThread('resolved');
    const resolving = request.resolved !== undefined && request.resolved !== comment.resolved;
    const editing = request.body !== undefined && request.body !== comment.body;
    if (!resolving && !editing) return toCommentDto(comment);

    const resolved = editing ? await this.resolveMentions(user, parentOf(comment), request.body as string) : null;
    const { documentId } = comment;
    const newlyMentioned = resolved ? resolved.mentions.filter((mention) => !comment.mentions.includes(mention)) : [];
    await this.comments.transaction(async (manager) => {
      const changes: CommentChanges = { updatedAt: new Date() };
      if (editing && resolved) Object.assign(changes, { body: request.body, mentions: resolved.mentions });
      if (resolving) {
        Object.assign(changes, {
          resolved: request.resolved,
          resolvedById: request.resolved ? user.id : null,
          resolvedAt: request.resolved ? new Date() : null,
        });
        if (documentId) {
          await this.events.record(manager, {
            documentId,
            type: request.resolved ? 'comment.resolved' : 'comment.reopened',
            actorId: user.id,
            payload: { commentId, excerpt: excerpt(comment.body) },
          });
        }
      }
      await this.comments.update(manager, commentId, changes);
    });
    const dto = await this.publishUpdate(commentId);
    if (documentId && resolved && newlyMentioned.length > 0) {
      // Only those named by the edit hear about it; the others were told when first named.
      const recipients = await this.recipientsOf(newlyMentioned, user.id, parentOf(comment));
      await this.notify({
        documentId,
        commentId,
        replyId: null,
        authorId: user.id,
        mentions: newlyMentioned,
        recipientIds: recipients,
        excerpt: excerpt(dto.body),
      });
    }
    return dto;
  }

  /** The comment, once the caller is known to be allowed to comment on its document or info. */
  private async findAccessible(user: User, commentId: string): Promise<Comment> {
    const comment = await this.comments.findThread(commentId);
    if (!comment) throw new NotFoundException('Comment not found');
    try {
      await this.assertCanOn(user, parentOf(comment), 'comment');
    } catch (error) {
      // Someone who cannot read the parent does not learn that the comment exists.
      if (error instanceof NotFoundException) throw new NotFoundException('Comment not found');
      throw error;
    }
    return comment;
  }

  private async load(id: string): Promise<Comment> {
    const comment = await this.comments.findThread(id);
    if (!comment) throw new NotFoundException('Comment not found');
    return comment;
  }

  private async publishUpdate(commentId: string): Promise<CommentDto> {
    const dto = toCommentDto(await this.load(commentId));
    await this.bus.emitAndWait('comment.updated', { comment: dto });
    return dto;
  }

  /**
   * Turns the `@handles` of a text into stored mentions, refusing (400, naming `body`) a
   * handle that names nobody who may read the text, or several such people. A handle naming
   * no one and one naming someone who may not read the text get the same answer, so that the
   * error never tells whether an account exists.
   */
  private async resolveMentions(author: User, parent: CommentParent, body: string): Promise<ResolvedMentions> {
    const mentions: string[] = [];
    const unknown: string[] = [];
    const ambiguous: string[] = [];
    for (const handle of mentionHandles(body)) {
      const target = classifyHandle(handle);
      if (target.kind === 'federation') {
        mentions.push(target.slug);
        continue;
      }
      const candidates =
        target.by === 'id'
          ? await this.users.findActiveByIds([target.value])
          : // An e-mail's local part (the handles written before autocompletion) or a name handle
            // ("nadia-benali", what the composer inserts): judged in code, accents folded.
            (await this.users.findActive()).filter((member) => handleNames(target.value, member));
      const readers: User[] = [];
      for (const candidate of candidates) if (await this.canRead(candidate, parent)) readers.push(candidate);
      if (readers.length === 0) {
        unknown.push(`body mentions @${handle}, who is not a member who can read this ${parent.kind}`);
      } else if (readers.length > 1) {
        ambiguous.push(`body mentions @${handle}, which names several members: use their id`);
      } else if (!mentions.includes(readers[0].id)) {
        mentions.push(readers[0].id);
      }
    }
    if (unknown.length > 0 || ambiguous.length > 0) {
      throw new BadRequestException({
        ...apiError(unknown.length > 0 ? 'mention_unknown' : 'mention_ambiguous', [...unknown, ...ambiguous]),
        fields: [{ field: 'body', constraints: ['existing'] }],
      });
    }
    return { mentions, recipientIds: await this.recipientsOf(mentions, author.id, parent) };
  }

  private async canRead(user: User, parent: CommentParent): Promise<boolean> {
    try {
      await this.assertCanOn(user, parent, 'read');
      return true;
    } catch {
      return false;
    }
  }

  /** The parent's own access rules: the documents module's (a suggestion's thread: its document's), or the watch's. */
  private async assertCanOn(user: User, parent: CommentParent, action: 'read' | 'comment'): Promise<void> {
    if (parent.kind === 'info') await this.infos.assertCan(user, parent.id, action);
    else await this.documents.assertCan(user, documentOf(parent) as string, action);
  }

  /**
   * Who hears of a mention: each person named, and for a federation (`@caips`) its active
   * representatives — titular and substitutes — who may read the parent; never the author.
   */
  private async recipientsOf(mentions: string[], authorId: string, parent: CommentParent): Promise<string[]> {
    if (mentions.length === 0) return [];
    const slugs = mentions.filter((mention) => classifyHandle(mention).kind === 'federation');
    const ids = mentions.filter((mention) => !slugs.includes(mention));
    const representatives = slugs.length
      ? await this.users.findActiveRepresentativesOf(slugs as FederationSlug[])
      : [];
    const readers: User[] = [];
    for (const representative of representatives) if (await this.canRead(representative, parent)) readers.push(representative);
    return [...new Set([...ids, ...readers.map((member) => member.id)])].filter((id) => id !== authorId);
  }

  /**
   * Once a comment or reply naming someone is committed; waits for the listeners (the
   * notifications module) so the answer comes after the notifications exist. A failing
   * listener is logged and never undoes the comment.
   */
  private async notify(mention: DomainEventPayload<'comment.mentioned'>): Promise<void> {
    if (mention.mentions.length === 0) return;
    await this.bus.emitAndWait('comment.mentioned', mention);
  }
}
