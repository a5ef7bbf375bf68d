import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { LiveService } from './live.service';

/** Turns domain events into `/live` socket events: the producers never know the sockets. */
@Injectable()
export class LiveEventsListener {
  constructor(private readonly live: LiveService) {}

  @OnDomainEvent('document.updated')
  documentUpdated({ document }: DomainEventPayload<'document.updated'>): void {
    this.live.publish({ type: 'document.updated', documentId: document.id, at: document.updatedAt, payload: { document } });
  }

  @OnDomainEvent('document.edited')
  documentEdited({ documentId, at, lastEditedAt, by }: DomainEventPayload<'document.edited'>): void {
    this.live.publish({ type: 'document.edited', documentId, at: at.toISOString(), payload: { lastEditedAt: lastEditedAt.toISOString(), by } });
  }

  @OnDomainEvent('document.observers_changed')
  observersChanged({ documentId, added, removed }: DomainEventPayload<'document.observers_changed'>): void {
    this.live.grantList(documentId, added);
    this.live.revoke(documentId, removed);
  }

  @OnDomainEvent('document.presence_changed')
  presenceChanged({ documentId, editors, republish }: DomainEventPayload<'document.presence_changed'>): void {
    this.live.setPresence(documentId, editors, { republish });
  }

  @OnDomainEvent('version.created')
  versionCreated({ documentId, number, contentHash, createdAt }: DomainEventPayload<'version.created'>): void {
    this.live.publish({ type: 'version.created', documentId, at: createdAt.toISOString(), payload: { number, contentHash } });
  }

  @OnDomainEvent('comment.created')
  commentCreated({ comment }: DomainEventPayload<'comment.created'>): void {
    if (!comment.documentId) return;
    this.live.publish({ type: 'comment.created', documentId: comment.documentId, at: comment.createdAt, payload: { comment } });
  }

  @OnDomainEvent('comment.updated')
  commentUpdated({ comment }: DomainEventPayload<'comment.updated'>): void {
    if (!comment.documentId) return;
    this.live.publish({ type: 'comment.updated', documentId: comment.documentId, at: comment.updatedAt, payload: { comment } });
  }

  @OnDomainEvent('suggestion.created')
  suggestionCreated({ suggestion }: DomainEventPayload<'suggestion.created'>): void {
    this.live.publish({ type: 'suggestion.created', documentId: suggestion.documentId, at: suggestion.createdAt, payload: { suggestion } });
  }

  @OnDomainEvent('suggestion.updated')
  suggestionUpdated({ suggestion }: DomainEventPayload<'suggestion.updated'>): void {
    this.live.publish({ type: 'suggestion.updated', documentId: suggestion.documentId, at: suggestion.decidedAt ?? new Date().toISOString(), payload: { suggestion } });
  }

  @OnDomainEvent('round.opened')
  roundOpened({ round }: DomainEventPayload<'round.opened'>): void {
    this.live.publish({
      type: 'round.opened',
      documentId: round.documentId,
      roundId: round.id,
      at: round.openedAt.toISOString(),
      payload: { number: round.number, closesAt: round.closesAt.toISOString() },
    });
  }

  @OnDomainEvent('round.updated')
  roundUpdated({ roundId, documentId, at, tally, seq, position, objection, reservation }: DomainEventPayload<'round.updated'>): void {
    this.live.publish({ type: 'round.updated', documentId, roundId, at: at.toISOString(), payload: { tally, seq, position, objection, reservation } });
  }

  @OnDomainEvent('round.closed')
  roundClosed({ round, outcome, decisionSeq }: DomainEventPayload<'round.closed'>): void {
    this.live.publish({
      type: 'round.closed',
      documentId: round.documentId,
      roundId: round.id,
      at: (round.closedAt ?? new Date()).toISOString(),
      payload: { outcome, decisionSeq },
    });
  }

  @OnDomainEvent('notification.created')
  notificationCreated(notification: DomainEventPayload<'notification.created'>): void {
    this.live.publishToUser(notification.userId, {
      type: 'notification',
      documentId: notification.documentId ?? '',
      ...(notification.roundId ? { roundId: notification.roundId } : {}),
      at: notification.createdAt.toISOString(),
      payload: { id: notification.id, title: notification.title, body: notification.body },
    });
  }
}
