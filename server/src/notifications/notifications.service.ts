import type {
  ConsensusRule,
  FederationSlug,
  ListResponse,
  NotificationDto,
  RoundDto,
  Tally,
  UserDto,
} from '@coupole/shared';
import { FEDERATION_SLUGS } from '@coupole/shared';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { federationLabel } from '../decisions/decision-text';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus, OnDomainEvent } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { Mail, MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import type { FederationRemindedEvent } from '../federation-reminders/federation-reminders.events';
import { RoundFollowUpService } from '../rounds/round-follow-up.service';
import type { RoundDeadlineExtendedEvent } from '../rounds/rounds.events';
import {
  deadlineExtendedText,
  federationReminderText,
  mailFor,
  mentionText,
  NotificationText,
  reminderText,
  RoundContext,
  roundClosedText,
  roundOpenedText,
} from './notification-texts';
import { federationsToRemind, isReminderDue, REMINDER_LEAD_MS } from './reminders';

/**
 * A round as the rounds module knows it: its `RoundDto`, or any object with these fields.
 * `missing` (or `tally.missing`) lists the participating federations that have not answered.
 */
export type NotifiableRound = Pick<RoundDto, 'id' | 'documentId' | 'number' | 'question'> & {
  closesAt: string | Date;
  rule?: ConsensusRule;
  tally?: Pick<Tally, 'missing'>;
  missing?: readonly FederationSlug[];
  documentTitle?: string;
};

const LIST_LIMIT = 100;

type Recipient = Pick<UserDto, 'id' | 'email' | 'displayName'>;

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly mail: MailService,
    private readonly bus: DomainEventBus,
    private readonly config: AppConfigService,
    private readonly rounds: RoundFollowUpService,
  ) {}

  /** Announces a new round to every representative of every federation and to the secretariat. */
  @OnDomainEvent('round.opened')
  async roundOpened({ round }: DomainEventPayload<'round.opened'>): Promise<void> {
    const context = await this.roundContext(round);
    const recipients = await this.recipients((user) => user.role === 'representative' || user.role === 'facilitator');
    await this.deliver(recipients, roundOpenedText(context), { documentId: round.documentId, roundId: round.id });
  }

  /** Announces a round's outcome to the same people as its opening. */
  @OnDomainEvent('round.closed')
  async roundClosed({ round, outcome, decisionSeq }: DomainEventPayload<'round.closed'>): Promise<void> {
    const context = await this.roundContext(round);
    const recipients = await this.recipients((user) => user.role === 'representative' || user.role === 'facilitator');
    await this.deliver(recipients, roundClosedText(context, outcome, decisionSeq), { documentId: round.documentId, roundId: round.id });
  }

  /** Tells every representative and the secretariat that a round's deadline moved. */
  async deadlineExtended(event: RoundDeadlineExtendedEvent): Promise<void> {
    const context = await this.roundContext({ ...event, id: event.roundId });
    const recipients = await this.recipients((user) => user.role === 'representative' || user.role === 'facilitator');
    await this.deliver(recipients, deadlineExtendedText(context, event.previousClosesAt, event.reason), {
      documentId: event.documentId,
      roundId: event.roundId,
    });
  }

  /**
   * The secretariat's "Relancer": a notification to each representative of the federation and
   * one mail addressed to all of them (the 12-hour guard is the reminders module's).
   */
  async federationReminded(event: FederationRemindedEvent): Promise<void> {
    const context = await this.roundContext({ ...event, id: event.roundId });
    const representatives = await this.recipients((user) => user.role === 'representative' && user.federation === event.federation);
    if (representatives.length === 0) return;
    const text = federationReminderText(context, federationLabel(event.federation));
    const rows = await this.insert(
      representatives.map((recipient) => ({ recipient, text })),
      { documentId: event.documentId, roundId: event.roundId },
    );
    for (const { id, userId, documentId, roundId, title, body, createdAt } of rows) {
      await this.bus.emitAndWait('notification.created', { id, userId, documentId, roundId, title, body, createdAt });
    }
    const mail = mailFor(text, `la délégation ${federationLabel(event.federation)}`, this.config.publicUrl);
    try {
      await this.mail.send([{ to: representatives.map((recipient) => recipient.email).join(', '), ...mail }]);
    } catch (error) {
      this.logger.error(`Reminder mail not kept: ${(error as Error).message}`);
    }
  }

  /**
   * From 24 h before the deadline, reminds each federation that has not answered, once: the
   * (round, federation) row inserted in `round_reminders` is the guard, so calling this from
   * every instance's scheduler, or again after a restart, never reminds twice. Returns the
   * federations reminded by this call.
   */
  async remindMissing(round: NotifiableRound, now: Date = new Date()): Promise<FederationSlug[]> {
    if (!isReminderDue(round.closesAt, now)) return [];
    const already = await this.notifications.remindedOf(round.id);
    const missing = federationsToRemind(
      (round.tally?.missing ?? round.missing ?? []).filter((slug) => (FEDERATION_SLUGS as readonly string[]).includes(slug)),
      new Set(already),
    );
    if (missing.length === 0) return [];

    const context = await this.roundContext(round);
    const representatives = await this.recipients((user) => user.role === 'representative');
    const deliveries: { recipient: Recipient; text: NotificationText }[] = [];
    const created = await this.notifications.transaction(async (manager) => {
      // The conditional insert is the guard: a row another instance already inserted is skipped.
      const reminded = await this.notifications.recordReminders(manager, round.id, missing);
      for (const slug of reminded) {
        const text = reminderText(context, federationLabel(slug));
        for (const recipient of representatives.filter((user) => user.federation === slug)) deliveries.push({ recipient, text });
      }
      const rows = await this.insert(deliveries, { documentId: round.documentId, roundId: round.id }, manager);
      return { reminded, rows };
    });
    await this.announce(created.rows, deliveries);
    return created.reminded;
  }

  /**
   * One pass of the reminder scheduler: every open round whose deadline is less than 24 h away
   * and that still misses answers goes through `remindMissing` (which skips federations already
   * reminded).
   */
  async remindDueRounds(now: Date = new Date()): Promise<number> {
    const lead = now.getTime() + REMINDER_LEAD_MS;
    const due = (await this.rounds.openRounds()).filter(
      ({ round, missing }) => missing.length > 0 && round.closesAt.getTime() > now.getTime() && round.closesAt.getTime() <= lead,
    );
    const titles = await this.documents.summariesOf(due.map(({ round }) => round.documentId));
    let reminded = 0;
    for (const { round, missing } of due) {
      const federations = await this.remindMissing(
        {
          id: round.id,
          documentId: round.documentId,
          documentTitle: titles.get(round.documentId)?.title,
          number: round.number,
          question: round.question,
          rule: round.rule,
          closesAt: round.closesAt,
          missing,
        },
        now,
      );
      reminded += federations.length;
    }
    return reminded;
  }

  /**
   * Tells the people named in a comment or reply (the comments module resolves federation
   * slugs to their members and leaves the author out); anyone who cannot read the document
   * is skipped.
   */
  @OnDomainEvent('comment.mentioned')
  async mentioned(mention: DomainEventPayload<'comment.mentioned'>): Promise<void> {
    const recipientIds = new Set(mention.recipientIds);
    recipientIds.delete(mention.authorId);
    if (recipientIds.size === 0) return;
    const everyone = await this.recipients(() => true);
    const readers: Recipient[] = [];
    for (const user of everyone) {
      if (recipientIds.has(user.id) && (await this.documents.canRead(user, mention.documentId))) readers.push(user);
    }
    if (readers.length === 0) return;
    const author = await this.users.findById(mention.authorId);
    const text = mentionText({
      documentId: mention.documentId,
      documentTitle: await this.documents.titleOf(mention.documentId),
      authorName: author?.displayName ?? 'Quelqu’un',
      excerpt: mention.excerpt,
    });
    await this.deliver(readers, text, { documentId: mention.documentId, roundId: null });
  }

  /**
   * Tells the active users `keep` selects (in-app and by mail), with a link elsewhere than a
   * document: the representation listener's entry point.
   */
  async notifyUsers(keep: (user: UserDto) => boolean, text: NotificationText): Promise<number> {
    const recipients = await this.recipients(keep);
    await this.deliver(recipients, text, { documentId: null, roundId: null, link: text.path });
    return recipients.length;
  }

  async list(user: User): Promise<ListResponse<NotificationDto> & { unread: number }> {
    const [rows, total, unread] = await Promise.all([
      this.notifications.listFor(user.id, LIST_LIMIT),
      this.notifications.count(user.id),
      this.notifications.count(user.id, true),
    ]);
    return { items: rows.map(toDto), total, unread };
  }

  async markRead(user: User, id: string): Promise<NotificationDto> {
    // Someone else's notification is "not found", not "forbidden": its existence is not leaked.
    const notification = await this.notifications.findOwn(user.id, id);
    if (!notification) throw new NotFoundException(`notification ${id} not found`);
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.notifications.markRead(user.id, id, notification.readAt);
    }
    return toDto(notification);
  }

  async markAllRead(user: User): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(user.id, new Date()) };
  }

  private async roundContext(round: NotifiableRound): Promise<RoundContext> {
    return {
      documentId: round.documentId,
      documentTitle: round.documentTitle ?? (await this.documents.titleOf(round.documentId)),
      number: round.number,
      question: round.question,
      closesAt: new Date(round.closesAt).toISOString(),
      rule: round.rule,
    };
  }

  private async recipients(keep: (user: UserDto) => boolean): Promise<UserDto[]> {
    const { items } = await this.users.list();
    return items.filter((user) => user.active && keep(user));
  }

  private async deliver(
    recipients: readonly Recipient[],
    text: NotificationText,
    target: { documentId: string | null; roundId: string | null; link?: string },
  ): Promise<void> {
    const deliveries = recipients.map((recipient) => ({ recipient, text }));
    const rows = await this.insert(deliveries, target);
    await this.announce(rows, deliveries);
  }

  private insert(
    deliveries: readonly { recipient: Recipient; text: NotificationText }[],
    target: { documentId: string | null; roundId: string | null; link?: string },
    manager?: EntityManager,
  ): Promise<Notification[]> {
    const rows = deliveries.map(({ recipient, text }) => ({
      userId: recipient.id,
      kind: text.kind,
      title: text.title,
      body: text.body,
      documentId: target.documentId,
      roundId: target.roundId,
      link: target.link ?? null,
      readAt: null,
    }));
    return this.notifications.insert(rows, manager);
  }

  /** After the rows are committed: push each to its user live, then mail (or keep in the outbox). */
  private async announce(rows: readonly Notification[], deliveries: readonly { recipient: Recipient; text: NotificationText }[]) {
    for (const row of rows) {
      const { id, userId, documentId, roundId, title, body, createdAt } = row;
      await this.bus.emitAndWait('notification.created', { id, userId, documentId, roundId, title, body, createdAt });
    }
    const mails: Mail[] = deliveries.map(({ recipient, text }) => ({
      to: recipient.email,
      ...mailFor(text, recipient.displayName, this.config.publicUrl),
    }));
    try {
      await this.mail.send(mails);
    } catch (error) {
      this.logger.error(`Notification mails not kept: ${(error as Error).message}`);
    }
  }
}

function toDto(row: Notification): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    documentId: row.documentId,
    roundId: row.roundId,
    link: row.link ?? (row.documentId ? `/documents/${row.documentId}` : null),
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
