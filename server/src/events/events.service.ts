import type { ListResponse, TimelineEventDto, TimelineEventType } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { toUserRef } from '../users/dto/user-ref.dto';
import { DomainEvent } from './event.entity';
import type { EventPayload } from './event-payload';
import { groupTimeline } from './timeline';

export interface RecordEvent {
  documentId: string;
  type: TimelineEventType;
  /** Null for the system (a deadline passed, a seed). */
  actorId: string | null;
  roundId?: string | null;
  /** Defaults to the database clock. */
  at?: Date;
  payload?: EventPayload;
}

@Injectable()
export class EventsService {
  constructor(@InjectRepository(DomainEvent) private readonly events: Repository<DomainEvent>) {}

  /**
   * Records one domain action. Pass the transaction's manager when inside one (the embedded
   * database has a single connection: the injected repository would wait for it forever).
   */
  async record(manager: EntityManager | null, event: RecordEvent): Promise<DomainEvent> {
    const repository = manager ? manager.getRepository(DomainEvent) : this.events;
    const entity = repository.create({
      documentId: event.documentId,
      type: event.type,
      actorId: event.actorId,
      roundId: event.roundId ?? null,
      payload: event.payload ?? {},
      ...(event.at ? { at: event.at } : {}),
    });
    await repository.insert(entity);
    return entity;
  }

  /** Moves a document's `type` events later than `at` back to `at` (a history dated in the past, such as the demo's). */
  async backdate(manager: EntityManager, documentId: string, type: TimelineEventType, at: Date): Promise<void> {
    await manager
      .getRepository(DomainEvent)
      .createQueryBuilder()
      .update()
      .set({ at })
      .where('document_id = :documentId AND type = :type AND at > :at', { documentId, type, at })
      .execute();
  }

  /** Documents someone other than `userId` edited after `since`, last edit first. */
  async editedSince(since: Date, userId: string, limit = 20): Promise<{ documentId: string; lastEditedAt: Date }[]> {
    const rows = (await this.events.query(
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

  /** The document's events, oldest first, with live edits grouped (no access check here). */
  async timeline(documentId: string): Promise<ListResponse<TimelineEventDto>> {
    const events = await this.events.find({
      where: { documentId },
      relations: { actor: true },
      order: { at: 'ASC', seq: 'ASC' },
    });
    const items = groupTimeline(events.map(toTimelineEventDto));
    return { items, total: items.length };
  }
}

export function toTimelineEventDto(event: DomainEvent): TimelineEventDto {
  return {
    id: event.id,
    type: event.type,
    documentId: event.documentId,
    roundId: event.roundId,
    actor: event.actor ? toUserRef(event.actor) : null,
    at: event.at.toISOString(),
    payload: event.payload,
  };
}
