import {
  canChangePosition,
  carryOpenObjections,
  castAmendment,
  castingFederation,
  objectionTransition,
  reservationTransition,
  representedFederation,
  convergenceMap,
  diffParagraphs,
  diffWords,
  documentPermissions,
  documentVisibility,
  normalisePosition,
  tally,
  validatePosition,
  objectableParagraphIds,
  paragraphLabel,
  paragraphNumber,
  paragraphUnits,
  replaceParagraphUnits,
  FEDERATION_SLUGS,
  type AmendmentOwner,
  type EvidenceDto,
  type FederationSlug,
  type ObjectionConcernDto,
  type NormalisedPosition,
  type ParagraphDto,
  type Paragraph,
  type ListResponse,
  type Tally,
} from '@coupole/shared';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { DocumentsService } from '../documents/documents.service';
import { EventsService } from '../events/events.service';
import type { User } from '../users/user.entity';
import { VersionsService } from '../versions/versions.service';
import { castPositionParameters, RoundsRepository, type CastObjectionRow, type CastPositionRow, type CastReservationRow } from './rounds.repository';
import { ConsultationEvidence, EVIDENCE_MAX } from './consultation-evidence';
import { isUUID } from 'class-validator';
import { CastPositionDto } from './dto/cast-position.dto';
import { OpenRoundDto } from './dto/open-round.dto';
import {
  toAuthor,
  toCountedPosition,
  toObjectionDto,
  toPositionDto,
  toReservationDto,
  type CastPositionResponseDto,
  type RoundDetailDto,
  type RoundObjectionDto,
  type RoundReservationDto,
  type RoundSummaryDto,
} from './dto/round-detail.dto';
import { Objection } from './objection.entity';
import { PositionChange } from './position-change.entity';
import { Position } from './position.entity';
import { roundFacts } from './rounds.events';
import { RoundAmendmentsService } from './round-amendments.service';
import { RoundClosingService } from './round-closing.service';
import { Round } from './round.entity';
import { apiError } from '../common/api-errors';

const UNIQUE_VIOLATION = '23505';

/** What a round needs of its version. */
export type FrozenVersion = { id: string; number: number; contentHash: string; markdown: string; paragraphs: ParagraphDto[] };

/** What a cast needs of its round, fixed when the round opened; `state` only when just read. */
interface CastableRound {
  id: string;
  documentId: string;
  number: number;
  versionNumber: number;
  autoClose: boolean;
  participants: FederationSlug[];
  paragraphIds: string[];
  state?: Pick<Round, 'status' | 'closesAt'>;
}

/** Rounds whose fixed facts an instance remembers; the oldest is forgotten past this many. */
const MAX_CASTABLE_ROUNDS = 1_000;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string; driverError?: { code?: string } })?.code === UNIQUE_VIOLATION
    || (error as { driverError?: { code?: string } })?.driverError?.code === UNIQUE_VIOLATION;
}

/** Opening rounds, reading them, casting positions and handling objections (DESIGN §2–§3). */
@Injectable()
export class RoundsService {
  private readonly castableRounds = new Map<string, CastableRound>();

  constructor(
    private readonly repository: RoundsRepository,
    private readonly documents: DocumentsService,
    private readonly versions: VersionsService,
    private readonly events: EventsService,
    private readonly documentState: DocumentStateService,
    private readonly body: DocumentBodyService,
    private readonly closing: RoundClosingService,
    private readonly bus: DomainEventBus,
    private readonly amendments: RoundAmendmentsService,
    @Optional() private readonly evidence?: ConsultationEvidence,
  ) {}

  async open(user: User, documentId: string, input: OpenRoundDto): Promise<RoundDetailDto> {
    await this.documents.assertCan(user, documentId, 'manage');
    const closesAt = new Date(input.closesAt);
    if (!(closesAt.getTime() > Date.now())) throw new BadRequestException(['closesAt must be in the future']);
    // Read before the transaction: versions are immutable, and the embedded database has a
    // single connection that the transaction holds.
    const version = await this.versions.get(documentId, input.version);

    const round = await this.repository.transaction((manager) =>
      this.openInTransaction(manager, user, documentId, version, { ...input, closesAt }),
    );
    await this.bus.emitAndWait('round.opened', { round: roundFacts(round) });
    return this.detail(round);
  }

  /** Opens round N+1 of a drafting document, inside the caller's transaction (also used by the demo seed). */
  async openInTransaction(
    manager: EntityManager,
    user: User,
    documentId: string,
    version: FrozenVersion,
    input: { question: string; closesAt: Date; rule?: Round['rule']; autoClose?: boolean },
    at = new Date(),
  ): Promise<Round> {
    const document = await this.documents.lockForUpdate(manager, documentId);
    if (!document) throw new NotFoundException('Document not found');
    if (document.archivedAt) throw new ConflictException(apiError('document_archived', 'This document is archived: unarchive it before opening a round'));
    if (document.status !== 'drafting') {
      throw new ConflictException(apiError('round_needs_drafting_document', `A round opens only on a document in drafting (this one is ${document.status})`));
    }
    const number = (await this.repository.lastRoundNumber(manager, documentId)) + 1;
    const stillOpen = await this.repository.openObjections(manager, documentId);
    // Objections whose amendment was applied to the draft since the last round: shown in this
    // round as integrated, and resolved by it.
    const appliedToDraft = await this.repository.integratedSinceLastRound(manager, documentId);
    const opened = await this.repository.insertRound(manager, {
      documentId,
      number,
      versionId: version.id,
      versionNumber: version.number,
      contentHash: version.contentHash,
      paragraphIds: objectableParagraphIds(version.paragraphs),
      question: input.question.trim(),
      rule: input.rule ?? 'consensus',
      autoClose: input.autoClose ?? false,
      closesAt: input.closesAt,
      participants: [...FEDERATION_SLUGS],
      status: 'open',
      openedById: user.id,
      openedAt: at,
      carriedObjectionIds: [...stillOpen, ...appliedToDraft]
        .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime())
        .map((objection) => objection.id),
    });
    await this.repository.resolveInRound(manager, appliedToDraft.map((objection) => objection.id), opened.id);

    const carriedOver = stillOpen.map((objection) => ({ id: objection.id, federation: objection.federation, state: objection.state, amendment: objection.grounds.amendment }));
    for (const carried of carryOpenObjections(carriedOver, version.markdown)) {
      if (carried.state !== 'integrated') continue;
      await this.repository.integrate(manager, carried.id, { roundId: opened.id, byId: user.id, at: opened.openedAt });
      await this.events.record(manager, {
        documentId,
        roundId: opened.id,
        type: 'objection.integrated',
        at,
        actorId: user.id,
        payload: {
          objectionId: carried.id,
          federation: carried.federation,
          roundNumber: opened.number,
          versionNumber: version.number,
        },
      });
    }

    await this.documents.setStatus(manager, documentId, 'in_round');
    await this.events.record(manager, {
      documentId,
      roundId: opened.id,
      type: 'round.opened',
      at,
      actorId: user.id,
      payload: {
        roundNumber: opened.number,
        versionNumber: version.number,
        contentHash: version.contentHash,
        rule: opened.rule,
        closesAt: input.closesAt.toISOString(),
      },
    });
    return opened;
  }

  /** Whether a round was ever opened on this document (in the caller's transaction). */
  async hasRounds(manager: EntityManager, documentId: string): Promise<boolean> {
    return (await this.repository.countRoundsOfDocument(documentId, manager)) > 0;
  }

  async list(user: User, documentId: string): Promise<ListResponse<RoundSummaryDto>> {
    await this.documents.assertCan(user, documentId, 'read');
    const rounds = await this.repository.roundsOfDocument(documentId);
    const positions = await this.repository.positionsOfRounds(rounds.map((round) => round.id));
    const items = rounds.map((round) => {
      const own = positions.filter((position) => position.roundId === round.id);
      return {
        id: round.id,
        documentId: round.documentId,
        number: round.number,
        version: round.versionNumber,
        question: round.question,
        rule: round.rule,
        autoClose: round.autoClose,
        closesAt: round.closesAt.toISOString(),
        status: round.status,
        ...(round.outcome ? { outcome: round.outcome } : {}),
        ...(round.closedAt ? { closedAt: round.closedAt.toISOString() } : {}),
        decisionSeq: round.decisionSeq,
        tally: tally(own.map(toCountedPosition), round.participants),
      };
    });
    return { items, total: items.length };
  }

  async get(user: User, roundId: string): Promise<RoundDetailDto> {
    const round = await this.findReadable(user, roundId);
    return this.detail(round);
  }

  /**
   * Casts or changes the caller's federation's single voice, in one SQL statement
   * (`RoundsRepository.cast`). Closing waits for casts in flight (they hold the round row in
   * share mode) and a cast after closing sees the closed round. The tally goes out on `/live`
   * as soon as the cast is committed, before the answer and any auto-close. "Is the round open"
   * is asked once, by the shared `canChangePosition`; the statement's guard is the atomic check
   * of the same rule, and a cast it refuses found the round closed meanwhile.
   */
  async castPosition(user: User, roundId: string, body: CastPositionDto): Promise<CastPositionResponseDto> {
    const federation = this.representedFederation(user);
    const round = await this.castableRound(user, roundId);
    if (!castingFederation({ role: user.role, federation }, round)) {
      throw new ForbiddenException(apiError('not_a_participant', `${federation} does not take part in this round`));
    }
    const errors = validatePosition(body, { paragraphIds: await this.pointableIds(round, body.paragraphs) });
    if (errors.length > 0) throw new BadRequestException(errors.map((error) => error.message));
    const cast = normalisePosition(body);
    const evidence = await this.checkedEvidence(federation, body.evidence);
    const at = new Date();
    if (round.state) this.assertOpen(round.state, at);

    const parameters = castPositionParameters(round.id, federation, at, user.id, cast, evidence);
    let row: CastPositionRow | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        // First alone (one round trip); after a concurrent cast of the same federation, in a
        // transaction that takes the locks before the statement's snapshot.
        row = attempt === 0 ? await this.repository.cast(parameters) : await this.repository.castLocked(parameters);
      } catch (error) {
        // Two first casts of one federation raced on the insert: the loser runs again as a change.
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
      if (!row.open || row.written) break;
    }
    if (!row?.open) throw this.notOpen(row, at);
    if (!row.written) throw new ConflictException(apiError('concurrent_change', 'Too many concurrent casts for this federation: try again'));

    const { stance, ...grounds } = cast;
    const position = {
      roundId: round.id,
      federation,
      stance,
      grounds,
      castById: user.id,
      castAt: at,
      evidence,
      revision: (row.previous_revision ?? 0) + 1,
      castBy: user,
    } satisfies Position;
    const current = tally([...(row.others ?? []), toCountedPosition(position)], round.participants);
    const seq = Number(row.seq);
    const dto = toPositionDto(position, row.history.map((change) => historyEntry(round.id, federation, change)), await this.evidenceSummaries(evidence));
    const objection = row.objection ? objectionEntry(row.objection, round.id, round.number, federation) : null;
    const reservation = row.reservation ? reservationEntry(row.reservation, round, federation) : null;
    const { history: _history, ...changed } = dto;
    await this.bus.emitAndWait('round.updated', {
      roundId: round.id,
      documentId: round.documentId,
      at: new Date(),
      tally: current,
      seq,
      position: changed,
      objection,
      reservation,
    });
    if (evidence.length > 0) this.bus.emit('position.cited', { roundId: round.id, federation, consultationIds: evidence });
    // Suggestions come only from amendments: a federation that never made one here has none to replace or withdraw.
    if (castAmendment(cast) || row.history.some(castAmendment)) {
      await this.amendments.afterCast(user, round.id, federation, cast);
    }
    if (round.autoClose) {
      const closed = await this.closing.autoCloseIfComplete(round.id);
      if (closed) return { roundId, status: 'closed', outcome: closed.outcome, position: dto, tally: current, seq, objection, reservation };
    }
    return { roundId, status: 'open', position: dto, tally: current, seq, objection, reservation };
  }

  /** A round the caller may read, with the objections and reservations raised in it that may carry an amendment (for its export). */
  async readableWithAmendments(user: User, roundId: string): Promise<{ round: Round; owners: AmendmentOwner[] }> {
    const round = await this.findReadable(user, roundId);
    const [objections, reservations] = await Promise.all([this.repository.objectionsRaisedIn(round.id), this.repository.reservationsShownIn(round.id)]);
    return {
      round,
      owners: [
        ...objections.map((objection) => ({ source: 'objection' as const, id: objection.id })),
        ...reservations.map((reservation) => ({ source: 'reservation' as const, id: reservation.id })),
      ],
    };
  }

  /** The objecting federation's representatives withdraw its open objection. */
  async withdrawObjection(user: User, roundId: string, objectionId: string): Promise<RoundObjectionDto> {
    const federation = this.representedFederation(user);
    const round = await this.findReadable(user, roundId);
    const withdrawn = await this.repository.transaction(async (manager) => {
      const objection = await this.repository.findObjection(objectionId, { lock: true, manager });
      const shown = objection && (objection.raisedInRoundId === round.id || round.carriedObjectionIds.includes(objection.id));
      if (!objection || !shown) throw new NotFoundException('Objection not found in this round');
      if (objection.federation !== federation) {
        throw new ForbiddenException(`Only ${objection.federation} may withdraw this objection`);
      }
      if (!objectionTransition(objection.state, 'withdraw')) throw new ConflictException(apiError('objection_not_open', `This objection is ${objection.state}`));
      if (objection.raisedInRoundId === round.id && round.status === 'open') {
        // Its round is still open: the objection stands as long as the position says `object`.
        throw new ConflictException('Change your position in this round to withdraw its objection');
      }
      const now = new Date();
      await this.repository.withdraw(manager, objection.id, { roundId: round.id, byId: user.id, at: now });
      await this.events.record(manager, {
        documentId: round.documentId,
        roundId: round.id,
        type: 'objection.withdrawn',
        actorId: user.id,
        payload: { objectionId: objection.id, federation, roundNumber: round.number },
      });
      return this.repository.findObjectionWithRaiser(objection.id, manager);
    });
    await this.amendments.withdrawSuggestions(withdrawn.id, user);
    return toObjectionDto(withdrawn, round.id);
  }

  /**
   * Takes an objection's amendment into the draft (see `takeAmendment`). The objection stays
   * open: the first version frozen with the amendment integrates it (RoundAmendmentsService, the
   * lifecycle of `shared/`).
   */
  async applyAmendment(user: User, objectionId: string): Promise<{ markdown: string; objection: RoundObjectionDto }> {
    const objection = await this.repository.findObjection(objectionId, { withRaiser: true });
    if (!objection) throw new NotFoundException('Objection not found');
    if (!objectionTransition(objection.state, 'integrate')) throw new ConflictException(apiError('objection_not_open', `This objection is ${objection.state}`));
    const { markdown, round, at } = await this.takeAmendment(user, { source: 'objection', id: objection.id }, objection);
    const dto = { ...toObjectionDto({ ...objection, amendmentAcceptedById: user.id, amendmentAcceptedAt: at }, round.id), amendmentAccepted: true };
    return { markdown, objection: dto };
  }

  /**
   * Takes a reservation's amendment into the draft, as an objection's: the drafters may follow a
   * non-blocking reservation too. It stays open until a frozen version integrates it.
   */
  async applyReservationAmendment(user: User, reservationId: string): Promise<{ markdown: string; reservation: RoundReservationDto }> {
    const reservation = await this.repository.findReservation(reservationId, { withRaiser: true });
    if (!reservation) throw new NotFoundException('Reservation not found');
    if (!reservationTransition(reservation.state, 'integrate')) throw new ConflictException(apiError('reservation_not_open', `This reservation is ${reservation.state}`));
    const { markdown, at } = await this.takeAmendment(user, { source: 'reservation', id: reservation.id }, reservation);
    return { markdown, reservation: { ...toReservationDto({ ...reservation, amendmentAcceptedById: user.id, amendmentAcceptedAt: at }), amendmentAccepted: true } };
  }

  /**
   * An amendment into the draft: its open suggestions are accepted together (one edit); an
   * amendment that changes more than words replaces the paragraphs it points at (found by their
   * text in the draft). Recorded on its objection or reservation, with its timeline event.
   */
  private async takeAmendment(
    user: User,
    owner: AmendmentOwner,
    record: Pick<Objection, 'documentId' | 'raisedInRoundId' | 'federation' | 'grounds' | 'amendmentAcceptedAt'>,
  ): Promise<{ markdown: string; round: Round; at: Date }> {
    const document = await this.documents.assertCan(user, record.documentId, 'edit');
    if (document.status !== 'drafting') {
      throw new ConflictException(`An amendment is applied to a document in drafting (this one is ${document.status})`);
    }
    const { amendment, paragraphs } = record.grounds;
    if (!amendment) throw new ConflictException(`This ${owner.source} proposes no amendment`);
    if (await this.amendments.accepted(owner, record)) {
      throw new ConflictException(apiError('amendment_accepted', `This amendment is already in the draft: the next frozen version integrates the ${owner.source}`));
    }

    const round = await this.repository.findRoundOrFail(record.raisedInRoundId);
    const accepted = await this.amendments.acceptThroughSuggestions(user, round, owner, paragraphs, amendment);
    if (!accepted) {
      const version = await this.versions.get(round.documentId, round.versionNumber);
      const draft = await this.body.currentMarkdown(record.documentId);
      const markdown = replaceParagraphUnits(draft, version.paragraphs, paragraphs, amendment);
      if (markdown === null) {
        throw new ConflictException(
          `The paragraphs this ${owner.source} points at are no longer in the draft as they were: edit the draft by hand`,
        );
      }
      await this.documentState.applyServerEdit(record.documentId, markdown, user.id);
      await this.amendments.acceptedWhole(user, owner);
    }
    const at = new Date();
    await this.amendments.recordAccepted(user, owner, at);
    await this.events.record(null, {
      documentId: record.documentId,
      roundId: round.id,
      type: 'amendment.applied',
      actorId: user.id,
      payload: { [owner.source === 'objection' ? 'objectionId' : 'reservationId']: owner.id, federation: record.federation, roundNumber: round.number },
    });
    return { markdown: await this.body.currentMarkdown(record.documentId), round, at };
  }

  /** The cited consultation ids, deduplicated, once the consultations module allows them (400 otherwise). */
  private async checkedEvidence(federation: FederationSlug, ids: unknown): Promise<string[]> {
    if (ids === undefined || ids === null) return [];
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !isUUID(id))) {
      throw new BadRequestException(['evidence must be a list of consultation ids']);
    }
    const unique = [...new Set(ids as string[])];
    if (unique.length > EVIDENCE_MAX) throw new BadRequestException([`evidence must cite at most ${EVIDENCE_MAX} consultations`]);
    if (unique.length === 0) return [];
    const problems = this.evidence ? await this.evidence.problems(federation, unique) : ['evidence: consultations are not available'];
    if (problems.length > 0) throw new BadRequestException(problems);
    return unique;
  }

  private async evidenceSummaries(ids: readonly string[]): Promise<EvidenceDto[]> {
    const unique = [...new Set(ids)];
    return unique.length > 0 && this.evidence ? this.evidence.summaries(unique) : [];
  }

  /**
   * One cast, inside the caller's transaction (the demo seed's, with a past `at`); `evidence`
   * are consultations the caller already knows this federation may cite. An amendment becomes
   * its suggestions against `version` (the round's, with its Yjs state) in the same transaction.
   */
  async castInTransaction(
    manager: EntityManager,
    user: User,
    federation: FederationSlug,
    round: Round,
    cast: NormalisedPosition,
    at = new Date(),
    evidence: readonly string[] = [],
    version?: { yjsState: Uint8Array; paragraphs: readonly Paragraph[] },
  ): Promise<void> {
    this.assertOpen(round, at);
    const row = await this.repository.castLocked(castPositionParameters(round.id, federation, at, user.id, cast, evidence), manager);
    if (!row.open) throw this.notOpen(row, at);
    if (!row.written) throw new ConflictException(apiError('concurrent_change', 'A concurrent cast changed this position: try again'));
    if (version && castAmendment(cast)) await this.amendments.recordInTransaction(manager, user, round, federation, cast, version);
  }

  /**
   * A round the caller may read, with what a cast needs. What was fixed when the round opened
   * (its document, number, version, participants, paragraphs, auto-close) never changes, so this
   * instance remembers it after the first read. What may change is not remembered: whether the
   * round is still open (status, deadline) is the cast statement's own atomic check, and whether
   * the document is readable depends on its status and observers only for users who do not read
   * every document (the shared rule), who are read again each time. Only a first read carries
   * `state`, for the early refusal of a closed round.
   */
  private async castableRound(user: User, roundId: string): Promise<CastableRound> {
    const known = this.castableRounds.get(roundId);
    if (known && documentVisibility(user) === 'all') return known;
    const row = await this.repository.castableRound(roundId);
    if (!row) throw new NotFoundException('Round not found');
    // The documents module's rule (shared), on the access facts read above.
    if (!documentPermissions(user, { status: row.document_status, observerIds: row.observer_ids }).read) {
      throw new NotFoundException(`Document ${row.document_id} not found`);
    }
    const facts: CastableRound = {
      id: row.id,
      documentId: row.document_id,
      number: row.number,
      versionNumber: row.version_number,
      autoClose: row.auto_close,
      participants: row.participants,
      paragraphIds: row.paragraph_ids,
    };
    if (this.castableRounds.size >= MAX_CASTABLE_ROUNDS) this.castableRounds.delete(this.castableRounds.keys().next().value!);
    this.castableRounds.set(roundId, facts);
    return { ...facts, state: { status: row.status, closesAt: new Date(row.closes_at) } };
  }

  /** Why the cast statement found its round not open, from the status and deadline it read. */
  private notOpen(row: CastPositionRow | undefined, at: Date): Error {
    if (!row?.round_status) return new NotFoundException('Round not found');
    try {
      this.assertOpen({ status: row.round_status, closesAt: new Date(row.round_closes_at!) }, at);
    } catch (refusal) {
      return refusal as Error;
    }
    // Closed by a transaction the statement waited for: its snapshot still saw the round open.
    return new ConflictException(apiError('round_closed', 'This round is closed'));
  }

  /**
   * The ids a position may point at: those the round was opened with, and, for a round opened
   * before list items and table rows were addressable, its version's items and rows (read and
   * computed only when a cast names an id the round does not know: a cast does not carry the
   * version's text otherwise).
   */
  private async pointableIds(
    round: { documentId: string; versionNumber: number; paragraphIds: string[] },
    pointed: unknown,
  ): Promise<readonly string[]> {
    const known = new Set(round.paragraphIds);
    if (!Array.isArray(pointed) || pointed.every((id) => typeof id !== 'string' || known.has(id.trim()))) return round.paragraphIds;
    const { paragraphs } = await this.versions.get(round.documentId, round.versionNumber);
    return [...new Set([...round.paragraphIds, ...objectableParagraphIds(paragraphs)])];
  }

  /** Representatives (titular or substitute) cast their federation's voice; nobody else does (shared rule). */
  private representedFederation(user: User): FederationSlug {
    const federation = representedFederation({ role: user.role, federation: user.federationSlug });
    if (!federation) throw new ForbiddenException(apiError('representatives_only', "Only a federation's representative casts its position"));
    return federation;
  }

  private assertOpen(round: Pick<Round, 'status' | 'closesAt'>, now = new Date()): void {
    if (!canChangePosition(round.status, { closesAt: round.closesAt, now })) {
      throw new ConflictException(
        round.status === 'closed'
          ? apiError('round_closed', 'This round is closed')
          : apiError('round_deadline_passed', 'The deadline of this round has passed'),
      );
    }
  }

  private async findReadable(user: User, roundId: string): Promise<Round> {
    const round = await this.repository.findRound(roundId);
    if (!round) throw new NotFoundException('Round not found');
    await this.documents.assertCan(user, round.documentId, 'read');
    return round;
  }

  /**
   * A carried objection points at paragraphs of the version it was raised on, which this round's
   * numbering does not know: give them as numbered and worded there.
   */
  private async carriedConcerns(round: Round, objections: readonly Objection[]): Promise<Map<string, ObjectionConcernDto[]>> {
    const concerns = new Map<string, ObjectionConcernDto[]>();
    const carried = objections.filter((objection) => objection.raisedInRoundId !== round.id && objection.grounds.paragraphs.length > 0);
    if (carried.length === 0) return concerns;
    const raisedIn = await this.repository.roundsByIds([...new Set(carried.map((objection) => objection.raisedInRoundId))]);
    const paragraphsOf = new Map<string, { id: string; markdown: string }[]>();
    for (const earlier of raisedIn) {
      paragraphsOf.set(earlier.id, (await this.versions.get(round.documentId, earlier.versionNumber)).paragraphs);
    }
    for (const objection of carried) {
      const paragraphs = paragraphsOf.get(objection.raisedInRoundId) ?? [];
      // Items and rows as addressed, whole blocks (a list pointed at as a whole) as stored.
      const numbered = [...paragraphUnits(paragraphs), ...paragraphs]
        .filter((unit, index, all) => objection.grounds.paragraphs.includes(unit.id) && all.findIndex((other) => other.id === unit.id) === index)
        .map((unit) => ({ id: unit.id, number: paragraphNumber(unit.id) ?? 0, label: paragraphLabel(unit.id) ?? unit.id, markdown: unit.markdown }))
        .sort((a, b) => a.number - b.number || a.label.localeCompare(b.label, 'fr', { numeric: true }))
        .map(({ number, label, markdown }) => ({ number, label, markdown }));
      concerns.set(objection.id, numbered);
    }
    return concerns;
  }

  /** RoundDto with the frozen text, convergence map, objections and the previous round's diff. */
  async detail(round: Round): Promise<RoundDetailDto> {
    const [version, positions, changes, objections, reservations, previous, users] = await Promise.all([
      this.versions.get(round.documentId, round.versionNumber),
      this.repository.positionsWithCasters(round.id),
      this.repository.changesOfRound(round.id),
      this.repository.objectionsShownIn(round),
      this.repository.reservationsShownIn(round.id),
      round.number > 1 ? this.repository.roundNumbered(round.documentId, round.number - 1) : null,
      this.repository.withPeople(round.id),
    ]);
    const order = (slug: FederationSlug) => FEDERATION_SLUGS.indexOf(slug);
    const cited = new Map((await this.evidenceSummaries(positions.flatMap((position) => position.evidence ?? []))).map((summary) => [summary.consultationId, summary]));
    const positionDtos = positions
      .sort((a, b) => order(a.federation) - order(b.federation))
      .map((position) => toPositionDto(position, changes, (position.evidence ?? []).flatMap((id) => cited.get(id) ?? [])));
    const previousVersion = previous ? await this.versions.get(round.documentId, previous.versionNumber) : null;
    const concerns = await this.carriedConcerns(round, objections);
    const accepted = new Set<string>();
    for (const objection of objections) {
      if (objection.state === 'open' && (await this.amendments.accepted({ source: 'objection', id: objection.id }, objection))) accepted.add(objection.id);
    }
    for (const reservation of reservations) {
      if (reservation.state === 'open' && (await this.amendments.accepted({ source: 'reservation', id: reservation.id }, reservation))) accepted.add(reservation.id);
    }
    const units = paragraphUnits(version.paragraphs);

    return {
      id: round.id,
      documentId: round.documentId,
      number: round.number,
      version: round.versionNumber,
      versionId: round.versionId,
      contentHash: round.contentHash,
      question: round.question,
      rule: round.rule,
      autoClose: round.autoClose,
      closesAt: round.closesAt.toISOString(),
      participants: [...round.participants],
      status: round.status,
      ...(round.outcome ? { outcome: round.outcome } : {}),
      ...(round.closeCause ? { closeCause: round.closeCause } : {}),
      ...(round.closedAt ? { closedAt: round.closedAt.toISOString() } : {}),
      tally: tally(positions.map(toCountedPosition), round.participants) satisfies Tally,
      positions: positionDtos,
      objections: objections.map((objection) => {
        const dto = { ...toObjectionDto(objection, round.id), ...(accepted.has(objection.id) ? { amendmentAccepted: true } : {}) };
        const concerned = concerns.get(objection.id);
        return concerned ? { ...dto, concerns: concerned } : dto;
      }),
      reservations: reservations
        .sort((a, b) => order(a.federation) - order(b.federation))
        .map((reservation) => ({ ...toReservationDto(reservation), ...(accepted.has(reservation.id) ? { amendmentAccepted: true } : {}) })),
      markdown: version.markdown,
      paragraphs: version.paragraphs,
      units,
      convergence: convergenceMap(
        units.filter((unit) => unit.objectable),
        positions.map(toCountedPosition),
      ),
      previousRound:
        previous && previousVersion
          ? {
              roundNumber: previous.number,
              version: previousVersion.number,
              contentHash: previousVersion.contentHash,
              words: diffWords(previousVersion.markdown, version.markdown),
              paragraphs: diffParagraphs(previousVersion.markdown, version.markdown),
            }
          : null,
      outcomeStatement: round.outcomeStatement,
      answers: round.answers,
      deadlineExtensions: round.deadlineExtensions ?? [],
      decisionSeq: round.decisionSeq,
      seq: round.seq,
      openedBy: toAuthor(users?.openedBy ?? { id: round.openedById, displayName: '', mandate: null }),
      openedAt: round.openedAt.toISOString(),
      closedBy: users?.closedBy ? toAuthor(users.closedBy) : null,
    };
  }
}

/** The objection row of the cast statement as the round shows it. */
function objectionEntry(row: CastObjectionRow, roundId: string, roundNumber: number, federation: FederationSlug): RoundObjectionDto {
  return toObjectionDto(
    {
      id: row.id,
      documentId: '',
      raisedInRoundId: roundId,
      raisedInRoundNumber: roundNumber,
      federation,
      grounds: { reason: row.reason, paragraphs: row.paragraphs, amendment: row.amendment, noAmendmentPossible: row.noAmendmentPossible },
      state: row.state,
      answer: row.answer,
      raisedById: row.raisedById,
      raisedBy: { id: row.raisedById, displayName: row.raisedByName, mandate: row.raisedByMandate } as User,
      raisedAt: new Date(row.raisedAt),
    } as Objection,
    roundId,
  );
}

/** The reservation row of the cast statement as the round shows it. */
function reservationEntry(row: CastReservationRow, round: { id: string; documentId: string }, federation: FederationSlug): RoundReservationDto {
  return toReservationDto({
    id: row.id,
    documentId: round.documentId,
    raisedInRoundId: round.id,
    raisedInRoundNumber: row.raisedInRound,
    federation,
    grounds: { reason: row.reason, paragraphs: row.paragraphs, amendment: row.amendment, noAmendmentPossible: false },
    state: row.state,
    raisedById: row.raisedById,
    raisedBy: { id: row.raisedById, displayName: row.raisedByName, mandate: row.raisedByMandate } as User,
    raisedAt: new Date(row.raisedAt),
    amendmentAcceptedById: null,
    amendmentAcceptedAt: null,
    integratedInVersion: row.integratedInVersion,
    resolvedById: null,
    resolvedAt: null,
  });
}

/** A history row of the cast statement as the PositionChange the DTO mappers take. */
function historyEntry(roundId: string, federation: FederationSlug, change: CastPositionRow['history'][number]): PositionChange {
  return {
    id: '',
    roundId,
    federation,
    revision: change.revision,
    stance: change.stance,
    grounds: { reason: change.reason, paragraphs: change.paragraphs, amendment: change.amendment, noAmendmentPossible: change.noAmendmentPossible },
    castById: change.castById,
    castBy: { id: change.castById, displayName: change.displayName, mandate: change.mandate } as User,
    castAt: new Date(change.castAt),
  };
}
