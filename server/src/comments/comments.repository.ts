import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CommentReply } from './comment-reply.entity';
import { Comment } from './comment.entity';

/** An unresolved thread on a document, as the home page lists it. */
export interface ThreadRow {
  id: string;
  documentId: string;
  body: string;
  createdAt: Date;
  authorId: string;
}

/** A document's own threads (those of its suggestions left out), an info's, or one suggestion's. */
export type CommentParentKey = { documentId: string } | { infoId: string } | { suggestionId: string };

export type NewComment = Pick<
  Comment,
  'documentId' | 'infoId' | 'suggestionId' | 'authorId' | 'body' | 'anchorStart' | 'anchorEnd' | 'anchorQuote' | 'mentions' | 'resolved' | 'resolvedById' | 'resolvedAt'
>;

export type CommentChanges = Partial<Pick<Comment, 'updatedAt' | 'body' | 'mentions' | 'resolved' | 'resolvedById' | 'resolvedAt'>>;

/**
 * A thread's author, resolver and repliers are relations to `users` (UsersService's table),
 * loaded with the thread: asking for each account separately would cost a query per comment.
 */
const THREAD_RELATIONS = { author: true, resolvedBy: true, replies: { author: true } } as const;

/** The only access to `comments` and `comment_replies`. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Unresolved threads on documents naming one of `handles` (in the comment or a reply), newest
   * first, on `documentIds` only when given. Like `threadsUnanswered`, leaves out suggestions'
   * threads: they never resolve (those named hear of it by notification).
   */
  threadsMentioning(handles: readonly string[], documentIds: readonly string[] | 'all', limit: number): Promise<ThreadRow[]> {
    const scoped = documentIds === 'all' ? [] : [[...documentIds]];
    return this.threads(
      `AND (c."mentions" ?| CAST($1 AS text[])
            OR EXISTS (SELECT 1 FROM "comment_replies" r WHERE r."comment_id" = c."id" AND r."mentions" ?| CAST($1 AS text[])))`,
      documentIds,
      [[...handles], limit, ...scoped],
    );
  }

  /** Unresolved threads on documents nobody has answered, not written by `userId`, newest first. */
  threadsUnanswered(userId: string, documentIds: readonly string[] | 'all', limit: number): Promise<ThreadRow[]> {
    const scoped = documentIds === 'all' ? [] : [[...documentIds]];
    return this.threads(
      `AND c."author_id" <> CAST($1 AS uuid) AND NOT EXISTS (SELECT 1 FROM "comment_replies" r WHERE r."comment_id" = c."id")`,
      documentIds,
      [userId, limit, ...scoped],
    );
  }

  listOn(parent: CommentParentKey): Promise<Comment[]> {
    const where = 'documentId' in parent ? { documentId: parent.documentId, suggestionId: IsNull() } : parent;
    return this.dataSource.getRepository(Comment).find({ where, relations: THREAD_RELATIONS, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** How many comments each of these suggestions' threads holds (absent: none). */
  async countOnSuggestions(suggestionIds: readonly string[]): Promise<Map<string, number>> {
    if (suggestionIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Comment)
      .createQueryBuilder('comment')
      .select('comment.suggestionId', 'suggestionId')
      .addSelect('COUNT(*)::int', 'count')
      .where({ suggestionId: In([...suggestionIds]) })
      .groupBy('comment.suggestionId')
      .getRawMany<{ suggestionId: string; count: number }>();
    return new Map(rows.map((row) => [row.suggestionId, Number(row.count)]));
  }

  findThread(id: string): Promise<Comment | null> {
    return this.dataSource.getRepository(Comment).findOne({ where: { id }, relations: THREAD_RELATIONS });
  }

  async insert(manager: EntityManager, fields: NewComment): Promise<Comment> {
    const repository = manager.getRepository(Comment);
    const comment = repository.create(fields);
    await repository.insert(comment);
    return comment;
  }

  async insertReply(manager: EntityManager, fields: Pick<CommentReply, 'commentId' | 'authorId' | 'body' | 'mentions'>): Promise<CommentReply> {
    const repository = manager.getRepository(CommentReply);
    const reply = repository.create(fields);
    await repository.insert(reply);
    return reply;
  }

  async update(manager: EntityManager, id: string, changes: CommentChanges): Promise<void> {
    await manager.getRepository(Comment).update({ id }, changes);
  }

  private async threads(condition: string, documentIds: readonly string[] | 'all', parameters: unknown[]): Promise<ThreadRow[]> {
    const scope = documentIds === 'all' ? '' : 'AND c."document_id" = ANY(CAST($3 AS uuid[]))';
    const rows = await this.dataSource.query<Array<{ id: string; document_id: string; body: string; created_at: Date; author_id: string }>>(
      `SELECT c."id", c."document_id", c."body", c."created_at", c."author_id" FROM "comments" c
        WHERE NOT c."resolved" AND c."document_id" IS NOT NULL AND c."suggestion_id" IS NULL ${scope} ${condition}
        ORDER BY c."created_at" DESC LIMIT $2`,
      parameters,
    );
    return rows.map((row) => ({ id: row.id, documentId: row.document_id, body: row.body, createdAt: row.created_at, authorId: row.author_id }));
  }
}
