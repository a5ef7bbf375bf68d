import {
  documentStatusAfter,
  objectionsAtClose,
  roundOutcome,
  shouldAutoClose,
  validateCloseAnswers,
  FEDERATION_SLUGS,
  type CloseCause,
  type DecisionPositionDto,
  type DecisionRecord,
  type EvidenceDto,
  type ObjectionAnswers,
  type ObjectionDto,
  type RoundOutcome,
} from '@coupole/shared';
import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionsService } from '../decisions/decisions.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { DocumentsService } from '../documents/documents.service';
import { EventsService } from '../events/events.service';
import { User } from '../users/user.entity';
import { toAuthor, toCastPosition, toObjectionDto } from './dto/round-detail.dto';
import { Objection } from './objection.entity';
import { Position } from './position.entity';
import { RoundsRepository } from './rounds.repository';
import { roundFacts } from './rounds.events';
import { Round } from './round.entity';
import { apiError } from '../common/api-errors';
import { ConsultationEvidence } from './consultation-evidence';

export interface CloseRequest {
  answers?: ObjectionAnswers;
  statement?: string;
}

export interface ClosedRound {
  round: Round;
  outcome: RoundOutcome;
  decisionSeq: number | null;
  /** False when another caller (instance, scheduler, request) had already closed it. */
  closedNow: boolean;
}

/**
 * Closing a round, exactly once whatever the number of callers and instances: the round row is
 * locked, its status re-read, and the closing UPDATE is conditional on `status = 'open'`, all
 * in the transaction that appends the decision. An in-memory flag would not survive two
 * instances; the database row does.
 */
@Injectable()
export class RoundClosingService {
  private readonly logger = new Logger(RoundClosingService.name);

  constructor(
    private readonly repository: RoundsRepository,
    private readonly documents: DocumentsService,
    private readonly events: EventsService,
    private readonly decisions: DecisionsService,
    private readonly bus: DomainEventBus,
    @Optional() private readonly evidence?: ConsultationEvidence,
  ) {}

  /** `POST /api/rounds/:id/close`: 409 when it is already closed. */
  async closeByFacilitator(user: User, roundId: string, request: CloseRequest): Promise<ClosedRound> {
    const round = await this.repository.findRound(roundId);
    if (!round) throw new NotFoundException('Round not found');
    await this.documents.assertCan(user, round.documentId, 'manage');
    // Past the deadline the round closes as at its deadline (silence counts as agreement):
    // the outcome must not depend on whether the scheduler or the facilitator came first.
    const cause: CloseCause = round.closesAt.getTime() <= Date.now() ? 'deadline' : 'facilitator';
    if (cause === 'deadline' && request.answers && Object.keys(request.answers).length > 0) {
      throw new BadRequestException(apiError('round_deadline_passed', ['answers cannot be given once the deadline has passed: the round closes at its deadline']));
    }
    return this.requireClosedNow(await this.close(roundId, cause, user, request));
  }

  /** `POST /api/rounds/:id/cancel`: outcome `cancelled`, the document returns to drafting. */
  async cancel(user: User, roundId: string): Promise<ClosedRound> {
    const round = await this.repository.findRound(roundId);
    if (!round) throw new NotFoundException('Round not found');
    await this.documents.assertCan(user, round.documentId, 'manage');
    return this.requireClosedNow(await this.close(roundId, 'cancelled', user, {}));
  }

  /** After a cast on an `autoClose` round: closes it once every federation has answered. */
  async autoCloseIfComplete(roundId: string): Promise<ClosedRound | null> {
    const round = await this.repository.findRound(roundId);
    if (!round) return null;
    const positions = await this.repository.answeredFederations([roundId]);
    if (!shouldAutoClose(round, positions)) return null;
    return this.close(roundId, 'auto_close', null, {});
  }

  /** Closes every open round whose deadline has passed; returns how many this call closed. */
  async closeDueRounds(now = new Date()): Promise<number> {
    const due = await this.repository.dueRoundIds(now);
    let closed = 0;
    for (const id of due) {
      try {
        const result = await this.close(id, 'deadline', null, {});
        if (result?.closedNow) closed++;
      } catch (error) {
        this.logger.error(`Round ${id} could not be closed at its deadline: ${String(error)}`);
      }
    }
    return closed;
  }

  /**
   * The one closing path. Returns null when the round is not due (deadline cause before the
   * deadline); otherwise the outcome, `closedNow` telling whether this call closed it.
   */
  async close(
    roundId: string,
    cause: CloseCause,
    actor: User | null,
    request: CloseRequest,
  ): Promise<ClosedRound | null> {
    const result = await this.repository.transaction((manager) => this.closeInTransaction(manager, roundId, cause, actor, request));
    if (result?.closedNow) {
      await this.bus.emitAndWait('round.closed', { round: roundFacts(result.round), outcome: result.outcome, decisionSeq: result.decisionSeq });
    }
    return result;
  }

  /** The closing transaction's work, inside the caller's transaction (the demo seed passes a past `at`). */
  async closeInTransaction(
    manager: EntityManager,
    roundId: string,
    cause: CloseCause,
    actor: User | null,
    request: CloseRequest,
    at = new Date(),
  ): Promise<ClosedRound | null> {
    const round = await this.repository.lockRound(manager, roundId);
    if (!round) throw new NotFoundException('Round not found');
    if (round.status !== 'open') {
      return { round, outcome: round.outcome as RoundOutcome, decisionSeq: round.decisionSeq, closedNow: false };
    }
    const closedAt = at;
    if (cause === 'deadline' && round.closesAt.getTime() > closedAt.getTime()) return null;

    const positions = await this.repository.positionsWithCasters(roundId, manager);
    const cast = positions.map(toCastPosition);
    const answerErrors = validateCloseAnswers({
      rule: round.rule,
      participants: round.participants,
      positions: cast,
      answers: request.answers,
    });
    if (answerErrors.length > 0) throw new BadRequestException(answerErrors.map((error) => error.message));
    const answers = trimmedAnswers(request.answers);
    const outcome = roundOutcome({
      rule: round.rule,
      participants: round.participants,
      positions: cast,
      cause,
      answers: answers ?? undefined,
    });
    const statement = request.statement?.trim() || null;

    const claimed = await this.repository.claimClosing(manager, roundId, {
      outcome,
      closeCause: cause,
      closedAt,
      closedById: actor?.id ?? null,
      outcomeStatement: statement,
      answers,
    });
    if (!claimed) {
      const current = await this.repository.findRoundOrFail(roundId, manager);
      return { round: current, outcome: current.outcome as RoundOutcome, decisionSeq: current.decisionSeq, closedNow: false };
    }

    await this.settleObjections(manager, round, cause, cast, answers, actor, closedAt);
    const document = await this.documents.lockForUpdate(manager, round.documentId);
    if (!document) throw new NotFoundException(`Document ${round.documentId} not found`);
    // A document withdrawn meanwhile stays withdrawn.
    const status = documentStatusAfter(outcome);
    if (document.status === 'in_round') await this.documents.setStatus(manager, document.id, status);

    const objections = await this.repository.objectionsShownIn(round, manager);
    const order = (slug: string) => FEDERATION_SLUGS.indexOf(slug as (typeof FEDERATION_SLUGS)[number]);
    const record: DecisionInput = {
      roundId: round.id,
      roundNumber: round.number,
      documentId: round.documentId,
      documentTitle: document.title,
      version: round.versionNumber,
      versionId: round.versionId,
      contentHash: round.contentHash,
      question: round.question,
      rule: round.rule,
      outcome,
      closeCause: cause,
      participants: [...round.participants],
      positions: await this.withFrozenEvidence(manager, positions, [...cast].sort((a, b) => order(a.federation) - order(b.federation))),
      objections: objections.map((objection) => decisionObjection(objection, round.id)),
      closedAt: closedAt.toISOString(),
      closedBy: actor ? toAuthor(actor) : null,
      ...(round.deadlineExtensions?.length ? { deadlineExtensions: round.deadlineExtensions } : {}),
      outcomeStatement: statement,
    };
    // A cancelled round decides nothing: it stays in the timeline, not in the register. (Entries
    // appended for cancellations before this rule stay where they are, the chain intact.)
    const decisionSeq = outcome === 'cancelled' ? null : (await this.decisions.append(manager, record)).seq;
    if (decisionSeq !== null) await this.repository.setDecisionSeq(manager, round.id, decisionSeq);

    await this.events.record(manager, {
      documentId: round.documentId,
      roundId: round.id,
      type: 'round.closed',
      at: closedAt,
      actorId: actor?.id ?? null,
      payload: {
        roundNumber: round.number,
        outcome,
        ...(decisionSeq !== null ? { decisionSeq } : {}),
        previousStatus: document.status,
        status: document.status === 'in_round' ? status : document.status,
      },
    });
    const closed = await this.repository.findRoundOrFail(round.id, manager);
    return { round: closed, outcome, decisionSeq, closedNow: true };
  }

  /**
   * Objections raised in this round that the facilitator answered under `rough` are ruled in the
   * rough; the others stay open and are carried to the next round. Carried objections end here
   * when their federation answered this round: its new position replaces them (a new objection
   * if it objects again). Cancelling decides nothing, so it leaves every objection as it was.
   */
  private async settleObjections(
    manager: EntityManager,
    round: Round,
    cause: CloseCause,
    cast: ReturnType<typeof toCastPosition>[],
    answers: ObjectionAnswers | null,
    actor: User | null,
    closedAt: Date,
  ): Promise<void> {
    if (cause === 'cancelled') return;
    const settled = objectionsAtClose({
      rule: round.rule,
      cause,
      participants: round.participants,
      positions: cast,
      answers: answers ?? undefined,
      roundNumber: round.number,
    });
    for (const objection of settled) {
      if (objection.state !== 'ruled_in_the_rough') continue;
      await this.repository.ruleInTheRough(
        manager,
        { roundId: round.id, federation: objection.federation },
        { answer: objection.answer, byId: actor?.id ?? null, at: closedAt },
      );
    }

    if (round.carriedObjectionIds.length === 0) return;
    const answered = new Set(cast.map((position) => position.federation));
    const carried = await this.repository.openObjectionsByIds(manager, round.carriedObjectionIds);
    for (const objection of carried) {
      if (!answered.has(objection.federation)) continue;
      const position = cast.find((entry) => entry.federation === objection.federation);
      await this.repository.withdraw(manager, objection.id, { roundId: round.id, byId: position?.castBy.id || null, at: closedAt });
      await this.events.record(manager, {
        documentId: round.documentId,
        roundId: round.id,
        type: 'objection.withdrawn',
        at: closedAt,
        actorId: position?.castBy.id || null,
        payload: {
          objectionId: objection.id,
          federation: objection.federation,
          roundNumber: round.number,
          stance: position?.stance,
        },
      });
    }
  }

  /**
   * Each position with the consultations it cites as they stand at closing, read in the closing
   * transaction: the record keeps these figures whatever the consultations become.
   */
  private async withFrozenEvidence(
    manager: EntityManager,
    positions: readonly Position[],
    cast: ReturnType<typeof toCastPosition>[],
  ): Promise<DecisionPositionDto[]> {
    const ids = new Map(positions.map((position) => [position.federation, position.evidence ?? []]));
    const cited = [...new Set([...ids.values()].flat())];
    const summaries = new Map<string, EvidenceDto>(
      cited.length > 0 && this.evidence ? (await this.evidence.summaries(cited, manager)).map((summary) => [summary.consultationId, summary]) : [],
    );
    return cast.map((position) => ({ ...position, evidence: (ids.get(position.federation) ?? []).flatMap((id) => summaries.get(id) ?? []) }));
  }

  private requireClosedNow(result: ClosedRound | null): ClosedRound {
    if (!result || !result.closedNow) throw new ConflictException(apiError('round_already_closed', 'This round is already closed'));
    return result;
  }
}

/** What the rounds module hands to the register: the decision without seq and hashes. */
export type DecisionInput = Omit<DecisionRecord, 'seq' | 'prevHash'> & { outcomeStatement: string | null };

function trimmedAnswers(answers: ObjectionAnswers | undefined): ObjectionAnswers | null {
  if (!answers) return null;
  const entries = Object.entries(answers).map(([federation, answer]) => [federation, String(answer).trim()]);
  return entries.length ? (Object.fromEntries(entries) as ObjectionAnswers) : null;
}

/** The register keeps the shared ObjectionDto shape (no round-page extras such as `carried`). */
function decisionObjection(objection: Objection, roundId: string): ObjectionDto {
  const { carried: _carried, ...dto } = toObjectionDto(objection, roundId);
  return dto;
}
