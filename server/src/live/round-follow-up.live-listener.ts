import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { RoundDeadlineExtendedEvent } from '../rounds/rounds.events';
import { LiveService } from './live.service';

/** A moved deadline reaches the round page, the document and the home pages on `/live`. */
@Injectable()
export class RoundFollowUpLiveListener {
  constructor(private readonly live: LiveService) {}

  @OnDomainEvent('round.deadline_extended')
  onDeadlineExtended(event: RoundDeadlineExtendedEvent): void {
    this.live.publish({
      type: 'round.deadline_extended',
      documentId: event.documentId,
      roundId: event.roundId,
      at: new Date().toISOString(),
      payload: { closesAt: event.closesAt, previousClosesAt: event.previousClosesAt },
    });
  }
}
