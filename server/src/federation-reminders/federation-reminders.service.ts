import { nextReminderAllowedAt, type FederationReminderResultDto, type FederationSlug } from '@coupole/shared';
import { ConflictException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { apiError } from '../common/api-errors';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { EventsService } from '../events/events.service';
import { RoundFollowUpService } from '../rounds/round-follow-up.service';
import type { User } from '../users/user.entity';
import { FederationReminder } from './federation-reminder.entity';
import { FederationRemindersRepository } from './federation-reminders.repository';

/** The secretariat's "Relancer": one reminder per federation and round, at most every 12 h. */
@Injectable()
export class FederationRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: FederationRemindersRepository,
    private readonly rounds: RoundFollowUpService,
    private readonly events: EventsService,
    private readonly bus: DomainEventBus,
  ) {}

  async remind(user: User, roundId: string, federation: FederationSlug): Promise<FederationReminderResultDto> {
    const { round, missing } = await this.rounds.openRound(user, roundId);
    if (!missing.includes(federation)) throw new ConflictException(apiError('federation_already_answered', `${federation} has already answered this round`));
    const at = new Date();
    const sentAt = await this.dataSource.transaction(async (manager) => {
      const claimed = await this.repository.claim(manager, roundId, federation, user.id, at);
      if (!claimed) return null;
      await this.events.record(manager, {
        documentId: round.documentId,
        roundId,
        type: 'round.federation_reminded',
        at: claimed,
        actorId: user.id,
        payload: { roundNumber: round.number, federation },
      });
      return claimed;
    });
    if (!sentAt) {
      const last = await this.repository.lastSent(roundId, federation);
      const next = nextReminderAllowedAt(last?.sentAt ?? at)?.toISOString();
      throw new HttpException(
        { statusCode: HttpStatus.TOO_MANY_REQUESTS, code: 'reminder_too_soon', message: `${federation} was reminded less than 12 hours ago; next reminder possible at ${next}`, error: 'Too Many Requests', nextReminderAt: next },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.bus.emit('federation.reminded', {
      roundId,
      documentId: round.documentId,
      number: round.number,
      question: round.question,
      closesAt: round.closesAt.toISOString(),
      federation,
      actorId: user.id,
    });
    return { roundId, federation, sentAt: sentAt.toISOString(), nextReminderAt: nextReminderAllowedAt(sentAt)!.toISOString() };
  }

  /** The last reminder of each federation in these rounds. */
  forRounds(roundIds: readonly string[]): Promise<FederationReminder[]> {
    return this.repository.forRounds(roundIds);
  }
}
