import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Version } from './version.entity';

export type NewVersion = Pick<Version, 'documentId' | 'number' | 'label' | 'authorId' | 'yjsState' | 'markdown' | 'contentHash' | 'paragraphs'> &
  Partial<Pick<Version, 'createdAt'>>;

/**
 * The only access to `versions`, apart from the cast's preliminary read in `rounds.repository.ts`
 * (the hot path joins the version's paragraphs there). The author is a relation to `users`,
 * joined here for the lists.
 */
@Injectable()
export class VersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The document's highest version number (0 for none); the caller holds the document's lock. */
  async lastNumber(manager: EntityManager, documentId: string): Promise<number> {
    const [{ last }] = (await manager.query(`SELECT COALESCE(MAX("number"), 0)::int AS "last" FROM "versions" WHERE "document_id" = $1`, [
      documentId,
    ])) as { last: number }[];
    return last;
  }

  async insert(manager: EntityManager, fields: NewVersion): Promise<Version> {
    const repository = manager.getRepository(Version);
    const created = repository.create(fields);
    await repository.insert(created);
    return created;
  }

  listOf(documentId: string): Promise<Version[]> {
    return this.dataSource.getRepository(Version).find({ where: { documentId }, relations: { author: true }, order: { number: 'ASC' } });
  }

  /** In the caller's transaction if given. */
  find(documentId: string, number: number, manager: EntityManager = this.dataSource.manager): Promise<Version | null> {
    return manager.getRepository(Version).findOne({ where: { documentId, number }, relations: { author: true } });
  }

  findById(id: string): Promise<Version | null> {
    return this.dataSource.getRepository(Version).findOne({ where: { id }, relations: { author: true } });
  }

  async yjsState(documentId: string, number: number): Promise<Buffer | null> {
    const row = await this.dataSource
      .getRepository(Version)
      .createQueryBuilder('version')
      .select('version.yjsState')
      .where('version.documentId = :documentId AND version.number = :number', { documentId, number })
      .getOne();
    return row?.yjsState ?? null;
  }

  /** Each version's stored content hash and the SHA-256 of its Markdown as stored now (computed by the database). */
  async textDigests(keys: { documentId: string; number: number }[]): Promise<{ documentId: string; number: number; stored: string; actual: string }[]> {
    if (keys.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT "v"."document_id", "v"."number", "v"."content_hash",
              encode(sha256(convert_to("v"."markdown", 'UTF8')), 'hex') AS "actual"
         FROM "versions" "v"
         JOIN unnest($1::uuid[], $2::int[]) AS "k"("document_id", "number")
           ON "k"."document_id" = "v"."document_id" AND "k"."number" = "v"."number"`,
      [keys.map((key) => key.documentId), keys.map((key) => key.number)],
    )) as { document_id: string; number: number; content_hash: string; actual: string }[];
    return rows.map((row) => ({ documentId: row.document_id, number: row.number, stored: row.content_hash, actual: row.actual }));
  }
}
