import { byDeadline, FEDERATION_SLUGS, type FederationSlug } from '@coupole/shared';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { apiError } from '../common/api-errors';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { DocumentsService } from '../documents/documents.service';
import { EventsService } from '../events/events.service';
import type { User } from '../users/user.entity';
import { ExtendDeadlineDto } from './dto/extend-deadline.dto';
import { toAuthor } from './dto/round-detail.dto';
import { Round } from './round.entity';
import { RoundsRepository } from './rounds.repository';

/** An open round with the federations that have not answered yet. */
export interface OpenRoundFollowUp {
  round: Round;
  missing: FederationSlug[];
}

const CLOSED_SINCE_LIMIT = 20;

/**
 * What the home page and the secretariat's follow-up need of rounds: open rounds with their
 * missing answers, rounds closed lately, and moving a deadline.
 */
@Injectable()
export class RoundFollowUpService {
  constructor(
    private readonly repository: RoundsRepository,
    private readonly documents: DocumentsService,
    private readonly events: EventsService,
    private readonly bus: DomainEventBus,
  ) {}

  /** Every open round, most urgent first, with who has not answered. */
  async openRounds(): Promise<OpenRoundFollowUp[]> {
    const open = await this.repository.openRounds();
    if (open.length === 0) return [];
    const answered = await this.repository.answeredFederations(open.map((round) => round.id));
    const order = (slug: FederationSlug) => FEDERATION_SLUGS.indexOf(slug);
    return byDeadline(open.map((round) => ({ round, roundId: round.id, closesAt: round.closesAt.toISOString() }))).map(({ round }) => ({
      round,
      missing: round.participants
        .filter((slug) => !answered.some((position) => position.roundId === round.id && position.federation === slug))
        .sort((a, b) => order(a) - order(b)),
    }));
  }

  /** One open round as the secretariat follows it; 404 when the caller may not read it, 409 once closed. */
  async openRound(user: User, roundId: string): Promise<OpenRoundFollowUp> {
    const round = await this.repository.findRound(roundId);
    if (!round) throw new NotFoundException('Round not found');
    await this.documents.assertCan(user, round.documentId, 'manage');
    if (round.status !== 'open' || round.closesAt.getTime() <= Date.now()) throw new ConflictException(apiError('round_closed', 'This round is closed'));
    const answered = await this.repository.answeredFederations([roundId]);
    return { round, missing: round.participants.filter((slug) => !answered.some((position) => position.federation === slug)) };
  }

  /** Rounds closed after `since`, newest first. */
  closedSince(since: Date): Promise<Round[]> {
    return this.repository.closedSince(since, CLOSED_SINCE_LIMIT);
  }

  /**
   * Moves an open round's deadline later. The round row is locked, so a closing at the old
   * deadline either happened before (409) or waits and sees the new one. Kept in the round
   * (then in its decision record) and in the timeline; every federation is told.
   */
  async extendDeadline(user: User, roundId: string, input: ExtendDeadlineDto): Promise<Round> {
    const found = await this.repository.findRound(roundId);
    if (!found) throw new NotFoundException('Round not found');
    await this.documents.assertCan(user, found.documentId, 'manage');
    const closesAt = new Date(input.closesAt);
    const reason = input.reason?.trim() || null;
    const extendedAt = new Date();

    const { round, previousClosesAt } = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockRound(manager, roundId);
      if (!locked) throw new NotFoundException('Round not found');
      if (locked.status !== 'open' || locked.closesAt.getTime() <= extendedAt.getTime()) {
        throw new ConflictException(apiError('round_closed', 'This round is closed'));
      }
      if (!(closesAt.getTime() > locked.closesAt.getTime())) {
        throw new BadRequestException(apiError('deadline_not_later', ['closesAt must be later than the current deadline']));
      }
      const previous = locked.closesAt;
      const extensions = [
        ...(locked.deadlineExtensions ?? []),
        {
          previousClosesAt: previous.toISOString(),
          closesAt: closesAt.toISOString(),
          extendedAt: extendedAt.toISOString(),
          extendedBy: toAuthor(user),
          reason,
        },
      ];
      await this.repository.moveDeadline(manager, roundId, { closesAt, deadlineExtensions: extensions });
      await this.events.record(manager, {
        documentId: locked.documentId,
        roundId,
        type: 'round.deadline_extended',
        at: extendedAt,
        actorId: user.id,
        payload: { roundNumber: locked.number, previousClosesAt: previous.toISOString(), closesAt: closesAt.toISOString(), reason },
      });
      return { round: { ...locked, closesAt, deadlineExtensions: extensions }, previousClosesAt: previous };
    });
    this.bus.emit('round.deadline_extended', {
      roundId,
      documentId: round.documentId,
      number: round.number,
      question: round.question,
      rule: round.rule,
      previousClosesAt: previousClosesAt.toISOString(),
      closesAt: closesAt.toISOString(),
      reason,
      actorId: user.id,
    });
    return round;
  }
}
