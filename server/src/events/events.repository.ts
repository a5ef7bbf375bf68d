import type { TimelineEventType } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from './event.entity';

/**
 * The only access to `events`, apart from the cast's single statement in `rounds.repository.ts`
 * (which appends the cast's event in the same statement, on purpose).
 */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager when inside one (the embedded database has a single connection). */
  async insert(manager: EntityManager | null, fields: Partial<DomainEvent>): Promise<DomainEvent> {
    const repository = (manager ?? this.dataSource.manager).getRepository(DomainEvent);
    const entity = repository.create(fields);
    await repository.insert(entity);
    return entity;
  }

  async backdate(manager: EntityManager, documentId: string, type: TimelineEventType, at: Date): Promise<void> {
    await manager
      .getRepository(DomainEvent)
      .createQueryBuilder()
      .update()
      .set({ at })
      .where('document_id = :documentId AND type = :type AND at > :at', { documentId, type, at })
      .execute();
  }

  async editedSince(since: Date, userId: string, limit: number): Promise<{ documentId: string; lastEditedAt: Date }[]> {
    const rows = (await this.dataSource.query(
      `SELECT "document_id", MAX("at") AS "last_edited_at"
         FROM "events"
        WHERE "type" = 'document.edited' AND "at" > $1 AND "actor_id" IS DISTINCT FROM $2
        GROUP BY "document_id"
        ORDER BY MAX("at") DESC
        LIMIT $3`,
      [since, userId, limit],
    )) as { document_id: string; last_edited_at: Date }[];
    return rows.map((row) => ({ documentId: row.document_id, lastEditedAt: new Date(row.last_edited_at) }));
  }

  /** The document's events with their actors, oldest first. */
  listOf(documentId: string): Promise<DomainEvent[]> {
    return this.dataSource.getRepository(DomainEvent).find({
      where: { documentId },
      // The actor is a relation to `users`: joined here rather than asked of UsersService per event.
      relations: { actor: true },
      order: { at: 'ASC', seq: 'ASC' },
    });
  }
}
