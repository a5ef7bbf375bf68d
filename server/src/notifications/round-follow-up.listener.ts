import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { FederationRemindedEvent } from '../federation-reminders/federation-reminders.events';
import type { RoundDeadlineExtendedEvent } from '../rounds/rounds.events';
import { NotificationsService } from './notifications.service';

/** Turns the secretariat's follow-up of a round (deadline moved, "Relancer") into notifications and mails. */
@Injectable()
export class RoundFollowUpListener {
  constructor(private readonly notifications: NotificationsService) {}

  @OnDomainEvent('round.deadline_extended')
  onDeadlineExtended(event: RoundDeadlineExtendedEvent): Promise<void> {
    return this.notifications.deadlineExtended(event);
  }

  @OnDomainEvent('federation.reminded')
  onFederationReminded(event: FederationRemindedEvent): Promise<void> {
    return this.notifications.federationReminded(event);
  }
}
