import type { DocumentKind, DocumentStatus } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, ILike, In } from 'typeorm';
import { preparedQuery } from '../database/prepared-statement';
import { Document } from './document.entity';

/** What `documentPermissions` reads of a document, its observers as a JSON array. */
const ACCESS_FACTS_SQL = `
SELECT "d"."status", "d"."archived_at" IS NOT NULL AS "archived",
       to_jsonb(ARRAY(SELECT "o"."user_id" FROM "document_observers" "o" WHERE "o"."document_id" = "d"."id")) AS "observer_ids"
FROM "documents" "d" WHERE "d"."id" = $1`;

/** What the access rule needs of a document (`documentPermissions`). */
export interface DocumentAccessFacts {
  status: DocumentStatus;
  archived: boolean;
  observerIds: string[];
}

const FOLDED_QUERY = `websearch_to_tsquery('french'::regconfig, "coupole_fold"(:q))`;

export interface DocumentFilter {
  archived: boolean;
  status?: DocumentStatus;
  kind?: DocumentKind;
  q?: string;
  /** Only the documents this observer was invited to. */
  invitedUserId?: string;
  limit: number;
  offset: number;
}

export type DocumentChanges = Partial<Pick<Document, 'title' | 'status' | 'archivedAt' | 'archivedById' | 'markdown' | 'lastEditedAt'>>;

/**
 * The only access to `documents` and `document_observers`, apart from the cast's preliminary
 * read in `rounds.repository.ts` (the hot path joins a document's status and observers there).
 * The creator, archiver and observers are relations to `users`, joined here for the lists.
 */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  list(filter: DocumentFilter): Promise<[Document[], number]> {
    const builder = this.dataSource
      .getRepository(Document)
      .createQueryBuilder('document')
      .leftJoinAndSelect('document.createdBy', 'createdBy')
      .leftJoinAndSelect('document.observers', 'observer')
      .leftJoinAndSelect('document.archivedBy', 'archivedBy');
    builder.andWhere(filter.archived ? 'document.archivedAt IS NOT NULL' : 'document.archivedAt IS NULL');
    if (filter.status) builder.andWhere('document.status = :status', { status: filter.status });
    if (filter.kind) builder.andWhere('document.kind = :kind', { kind: filter.kind });
    const q = filter.q?.trim();
    if (q) builder.andWhere(`"document"."search" @@ ${FOLDED_QUERY}`, { q });
    if (filter.invitedUserId) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM "document_observers" "invited" WHERE "invited"."document_id" = "document"."id" AND "invited"."user_id" = :userId)`,
        { userId: filter.invitedUserId },
      );
    }
    return builder.orderBy('document.lastEditedAt', 'DESC').addOrderBy('document.id', 'ASC').skip(filter.offset).take(filter.limit).getManyAndCount();
  }

  findById(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Document | null> {
    return manager.getRepository(Document).findOneBy({ id: documentId });
  }

  findWithRelations(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Document | null> {
    return manager.getRepository(Document).findOne({ where: { id: documentId }, relations: { createdBy: true, observers: true, archivedBy: true } });
  }

  lockForUpdate(manager: EntityManager, documentId: string): Promise<Document | null> {
    return manager.getRepository(Document).findOne({ where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, fields: Pick<Document, 'title' | 'kind' | 'status' | 'markdown' | 'createdById'>): Promise<string> {
    const repository = manager.getRepository(Document);
    const document = repository.create(fields);
    await repository.insert(document);
    return document.id;
  }

  /** A document whose title matches `titlePattern` (ILIKE), in this status if given, in the caller's transaction. */
  findByTitle(manager: EntityManager, titlePattern: string, status?: DocumentStatus): Promise<Document | null> {
    return manager.getRepository(Document).findOneBy({ title: ILike(titlePattern), ...(status ? { status } : {}) });
  }

  /** Whether any document has this title, in the caller's transaction. */
  existsWithTitle(manager: EntityManager, title: string): Promise<boolean> {
    return manager.getRepository(Document).existsBy({ title });
  }

  /** The number of rows changed (0: no such document). */
  async update(manager: EntityManager, documentId: string, changes: DocumentChanges): Promise<number> {
    return (await manager.getRepository(Document).update({ id: documentId }, changes)).affected ?? 0;
  }

  async changeObservers(manager: EntityManager, documentId: string, added: string[], removed: string[]): Promise<void> {
    await manager.createQueryBuilder().relation(Document, 'observers').of(documentId).addAndRemove(added, removed);
  }

  /**
   * The status, archiving and observers of a document, in one prepared statement, outside any
   * transaction: the permission check of every /collab join and edit-right refresh, which
   * needs neither the text nor TypeORM's query building. Null if there is no such document.
   */
  async accessFacts(documentId: string): Promise<DocumentAccessFacts | null> {
    if (!isUUID(documentId)) return null;
    const [row] = await preparedQuery<{ status: DocumentStatus; archived: boolean; observer_ids: string[] }>(this.dataSource, 'documents.access-facts', ACCESS_FACTS_SQL, [
      documentId,
    ]);
    return row ? { status: row.status, archived: row.archived, observerIds: row.observer_ids } : null;
  }

  async observerIdsOf(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(`SELECT "user_id" FROM "document_observers" WHERE "document_id" = $1`, [documentId]);
    return rows.map((row) => row.user_id);
  }

  async observedDocumentIds(userId: string): Promise<string[]> {
    const rows: Array<{ document_id: string }> = await this.dataSource.query(`SELECT "document_id" FROM "document_observers" WHERE "user_id" = $1`, [userId]);
    return rows.map((row) => row.document_id);
  }

  /**
   * Stores the Markdown of an edit dated `editedAt` unless a later edit is already stored, in one
   * statement (concurrent edits on several instances). The new `last_edited_at`, or null if
   * there is no such document.
   */
  async recordEdit(manager: EntityManager, documentId: string, markdown: string, editedAt: Date): Promise<Date | null> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, count] (the embedded driver
    // as rows): reading only the second shape, document.edited was never sent on PostgreSQL.
    const result = (await manager.query(
      `UPDATE "documents"
         SET "markdown" = CASE WHEN $3 >= "last_edited_at" THEN $2 ELSE "markdown" END,
             "last_edited_at" = GREATEST("last_edited_at", $3)
       WHERE "id" = $1
       RETURNING "last_edited_at"`,
      [documentId, markdown, editedAt],
    )) as [Array<{ last_edited_at: Date }>, number] | Array<{ last_edited_at: Date }>;
    const rows = Array.isArray(result[0]) ? result[0] : (result as Array<{ last_edited_at: Date }>);
    return rows.length === 0 ? null : rows[0].last_edited_at;
  }

  findOldestDrafting(manager: EntityManager, kinds: readonly DocumentKind[], titlePattern: string): Promise<Document | null> {
    return manager
      .getRepository(Document)
      .createQueryBuilder('document')
      .where('document.kind IN (:...kinds)', { kinds })
      .andWhere('document.title ILIKE :titlePattern', { titlePattern })
      .andWhere('document.status = :drafting', { drafting: 'drafting' })
      .orderBy('document.createdAt', 'ASC')
      .getOne();
  }

  /** Moves the creation back to `at` if it is later. */
  async backdateCreation(manager: EntityManager, documentId: string, at: Date): Promise<void> {
    await manager
      .getRepository(Document)
      .createQueryBuilder()
      .update()
      .set({ createdAt: at })
      .where('id = :documentId AND created_at > :at', { documentId, at })
      .execute();
  }

  findTitle(documentId: string): Promise<Document | null> {
    return this.dataSource.getRepository(Document).findOne({ where: { id: documentId }, select: { id: true, title: true } });
  }

  async kindOf(manager: EntityManager, documentId: string): Promise<DocumentKind | null> {
    return (await manager.getRepository(Document).findOne({ where: { id: documentId }, select: { id: true, kind: true } }))?.kind ?? null;
  }

  /** Id, kind, title and status of these documents (those that exist). */
  findSummaries(documentIds: readonly string[]): Promise<Pick<Document, 'id' | 'kind' | 'title' | 'status'>[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Document).find({ where: { id: In([...new Set(documentIds)]) }, select: { id: true, kind: true, title: true, status: true } });
  }
}
