import type { InfoDto } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { InfoChangedEvent, InfoDeletedEvent } from '../infos/infos.events';
import { LiveService } from './live.service';

/** Each member's own rights differ from the author's: receivers recompute or refetch them. */
const asSeenByMembers = (info: InfoDto): InfoDto => ({ ...info, permissions: { read: true, comment: true, edit: false } });

/** Turns the watch's domain events into `/live` events for every connected member. */
@Injectable()
export class InfoLiveListener {
  constructor(private readonly live: LiveService) {}

  @OnDomainEvent('info.created')
  onCreated({ info }: InfoChangedEvent): void {
    this.live.publishInfo({ type: 'info.created', infoId: info.id, at: info.createdAt, payload: { info: asSeenByMembers(info) } });
  }

  @OnDomainEvent('info.updated')
  onUpdated({ info }: InfoChangedEvent): void {
    this.live.publishInfo({ type: 'info.updated', infoId: info.id, at: info.updatedAt, payload: { info: asSeenByMembers(info) } });
  }

  @OnDomainEvent('info.deleted')
  onDeleted({ infoId }: InfoDeletedEvent): void {
    this.live.publishInfo({ type: 'info.deleted', infoId, at: new Date().toISOString(), payload: {} });
  }
}
