import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { MandateEndingEvent } from '../mandates/mandates.events';
import type { MeetingActionDueEvent, MeetingReportedEvent } from '../meetings/meetings.events';
import { NotificationsService } from './notifications.service';
import { actionDueText, mandateEndingText, meetingReportedText } from './representation-texts';

/** Turns the representation modules' events into notifications and mails. */
@Injectable()
export class RepresentationNotificationsListener {
  constructor(private readonly notifications: NotificationsService) {}

  /** A *retour de mandat* reaches every federation's members and the secretariat, not its author. */
  @OnDomainEvent('meeting.reported')
  async meetingReported(event: MeetingReportedEvent): Promise<void> {
    await this.notifications.notifyUsers(
      (user) => (user.role === 'representative' || user.role === 'facilitator') && user.id !== event.reporterId,
      meetingReportedText(event),
    );
  }

  @OnDomainEvent('meeting.action-due')
  async actionDue(event: MeetingActionDueEvent): Promise<void> {
    await this.notifications.notifyUsers((user) => user.id === event.assigneeId, actionDueText(event));
  }

  @OnDomainEvent('mandate.ending')
  async mandateEnding(event: MandateEndingEvent): Promise<void> {
    await this.notifications.notifyUsers((user) => user.role === 'facilitator', mandateEndingText(event));
  }
}
