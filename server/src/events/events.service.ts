import type { ListResponse, TimelineEventDto, TimelineEventType } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toUserRef } from '../users/dto/user-ref.dto';
import { DomainEvent } from './event.entity';
import type { EventPayload } from './event-payload';
import { EventsRepository } from './events.repository';
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
  constructor(private readonly events: EventsRepository) {}

  /**
   * Records one domain action. Pass the transaction's manager when inside one (the embedded
   * database has a single connection: a query outside it would wait for it forever).
   */
  record(manager: EntityManager | null, event: RecordEvent): Promise<DomainEvent> {
    return this.events.insert(manager, {
      documentId: event.documentId,
      type: event.type,
      actorId: event.actorId,
      roundId: event.roundId ?? null,
      payload: event.payload ?? {},
      ...(event.at ? { at: event.at } : {}),
    });
  }

  /** Moves a document's `type` events later than `at` back to `at` (a history dated in the past, such as the demo's). */
  backdate(manager: EntityManager, documentId: string, type: TimelineEventType, at: Date): Promise<void> {
    return this.events.backdate(manager, documentId, type, at);
  }

  /** Documents someone other than `userId` edited after `since`, last edit first. */
  editedSince(since: Date, userId: string, limit = 20): Promise<{ documentId: string; lastEditedAt: Date }[]> {
    return this.events.editedSince(since, userId, limit);
  }

  /** The document's events, oldest first, with live edits grouped (no access check here). */
  async timeline(documentId: string): Promise<ListResponse<TimelineEventDto>> {
    const events = await this.events.listOf(documentId);
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
