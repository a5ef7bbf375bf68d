import {
  amendmentFullyAsSuggestions,
  amendmentIntegratedBy,
  amendmentTaken,
  castAmendment,
  objectionTransition,
  reservationTransition,
  type AmendmentOwner,
  type FederationSlug,
  type NormalisedPosition,
  type Paragraph,
  type SuggestionDto,
} from '@coupole/shared';
import { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { EventsService } from '../events/events.service';
import { SuggestionsService } from '../suggestions/suggestions.service';
import type { User } from '../users/user.entity';
import { VersionsService } from '../versions/versions.service';
import type { Objection } from './objection.entity';
import type { Reservation } from './reservation.entity';
import type { Round } from './round.entity';
import { RoundsRepository } from './rounds.repository';

/** An objection or a reservation: what an amendment belongs to. */
type AmendingRecord = Pick<Objection | Reservation, 'id' | 'state' | 'grounds' | 'amendmentAcceptedAt'>;

/**
 * Objections' and reservations' amendments as suggestions in the text (issue #10): written
 * against the round's frozen version, followed into the draft by the suggestions module, and
 * integrated by the first frozen version that carries them (the lifecycles of `shared/`). A
 * reservation's amendment is offered the same way; it never blocks the round.
 */
@Injectable()
export class RoundAmendmentsService {
  private readonly logger = new Logger(RoundAmendmentsService.name);

  constructor(
    private readonly repository: RoundsRepository,
    private readonly versions: VersionsService,
    private readonly suggestions: SuggestionsService,
    private readonly events: EventsService,
  ) {}

  /**
   * After a cast: the objection's or reservation's amendment becomes its suggestions against the
   * version (the earlier wording's withdrawn); a record the federation's stance no longer holds,
   * or holds without an amendment now, has its suggestions withdrawn (the version is not read).
   */
  async afterCast(user: User, roundId: string, federation: FederationSlug, cast: NormalisedPosition): Promise<void> {
    const [objection, reservation] = await Promise.all([
      this.repository.latestObjectionOf(roundId, federation),
      this.repository.latestReservationOf(roundId, federation),
    ]);
    const records: { owner: AmendmentOwner; stands: boolean }[] = [];
    if (objection) records.push({ owner: { source: 'objection', id: objection.id }, stands: cast.stance === 'object' && objection.state === 'open' });
    if (reservation) records.push({ owner: { source: 'reservation', id: reservation.id }, stands: cast.stance === 'reservations' && reservation.state === 'open' });
    let round: Round | null = null;
    for (const { owner, stands } of records) {
      // A record that no longer stands, or stands without an amendment now: its suggestions go.
      if (!stands || !castAmendment(cast)) {
        await this.suggestions.withdrawAmendment(owner, user);
        continue;
      }
      round ??= await this.repository.findRoundOrFail(roundId);
      const version = await this.versions.get(round.documentId, round.versionNumber);
      await this.suggestions.replaceAmendment({
        owner,
        documentId: round.documentId,
        author: user,
        version: { yjsState: await this.versions.yjsState(round.documentId, round.versionNumber), paragraphs: version.paragraphs },
        paragraphs: cast.paragraphs,
        amendment: cast.amendment,
      });
    }
  }

  /**
   * A cast's amendment as suggestions inside the caller's transaction (the demo seed): the
   * objection or reservation the cast statement just wrote owns them.
   */
  async recordInTransaction(
    manager: EntityManager,
    user: User,
    round: Pick<Round, 'id' | 'documentId'>,
    federation: FederationSlug,
    cast: NormalisedPosition,
    version: { yjsState: Uint8Array; paragraphs: readonly Paragraph[] },
  ): Promise<number> {
    const record =
      cast.stance === 'object'
        ? await this.repository.latestObjectionOf(round.id, federation, manager)
        : cast.stance === 'reservations'
          ? await this.repository.latestReservationOf(round.id, federation, manager)
          : null;
    if (!record || !cast.amendment) return 0;
    const owner: AmendmentOwner = { source: cast.stance === 'object' ? 'objection' : 'reservation', id: record.id };
    return this.suggestions.recordAmendmentIn(manager, { owner, documentId: round.documentId, author: user, version, paragraphs: cast.paragraphs, amendment: cast.amendment });
  }

  /**
   * Takes the amendment through its suggestions, accepted together in one edit, when they say all
   * of it; null when it changes more than words (formatting, added blocks) or has no open
   * suggestion: the caller then replaces the paragraphs whole and calls `acceptedWhole`.
   */
  async acceptThroughSuggestions(user: User, round: Round, owner: AmendmentOwner, paragraphs: readonly string[], amendment: string): Promise<SuggestionDto[] | null> {
    const version = await this.versions.get(round.documentId, round.versionNumber);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await this.versions.yjsState(round.documentId, round.versionNumber));
      if (!amendmentFullyAsSuggestions(doc, version.paragraphs, paragraphs, amendment)) return null;
    } finally {
      doc.destroy();
    }
    const accepted = await this.suggestions.acceptAmendment(user, owner);
    return accepted.length > 0 ? accepted : null;
  }

  /** The amendment went into the draft whole: its open suggestions count as accepted. */
  acceptedWhole(user: User, owner: AmendmentOwner): Promise<void> {
    return this.suggestions.markAmendmentAccepted(user, owner);
  }

  /** "Accept the amendment" took it into the draft: stored, so a reload says so even when it made no suggestion. */
  recordAccepted(user: User, owner: AmendmentOwner, at: Date): Promise<void> {
    return this.repository.recordAmendmentAccepted(owner, { byId: user.id, at });
  }

  /** Whether the drafters took the amendment into the draft (the shared `amendmentTaken`: recorded, or every suggestion accepted). */
  async accepted(owner: AmendmentOwner, record: Pick<AmendingRecord, 'amendmentAcceptedAt'>): Promise<boolean> {
    return amendmentTaken({ acceptedAt: record.amendmentAcceptedAt, statuses: await this.suggestions.amendmentStatuses(owner) });
  }

  /** Its federation withdrew the objection: its amendment's open suggestions go with it. */
  async withdrawSuggestions(objectionId: string, user: User): Promise<void> {
    await this.suggestions.withdrawAmendment({ source: 'objection', id: objectionId }, user);
  }

  /**
   * A frozen version integrates the open objections and reservations of its document whose
   * amendment it carries: taken into the draft it was frozen from, or its text found in it.
   */
  @OnDomainEvent('version.created')
  async versionFrozen({ documentId, number }: DomainEventPayload<'version.created'>): Promise<void> {
    try {
      await this.integrate(documentId, number);
      await this.integrateReservations(documentId, number);
    } catch (error) {
      this.logger.warn(`Could not check the amendments of ${documentId} against version ${number}: ${String(error)}`);
    }
  }

  async integrate(documentId: string, versionNumber: number): Promise<string[]> {
    const open = await this.repository.transaction((manager) => this.repository.openObjections(manager, documentId));
    if (open.length === 0) return [];
    const version = await this.versions.get(documentId, versionNumber);
    const integrated: string[] = [];
    for (const objection of open) {
      if (!(await this.carries(version.markdown, { source: 'objection', id: objection.id }, objection))) continue;
      if (!objectionTransition(objection.state, 'integrate')) continue;
      const at = new Date();
      // `resolvedInRoundId` stays empty until the next round opens and lists it as integrated.
      if (!(await this.repository.integrate(undefined, objection.id, { byId: version.authorId, at }))) continue;
      integrated.push(objection.id);
      const round = await this.repository.findRound(objection.raisedInRoundId);
      await this.events.record(null, {
        documentId,
        roundId: objection.raisedInRoundId,
        type: 'objection.integrated',
        at,
        actorId: version.authorId,
        payload: { objectionId: objection.id, federation: objection.federation, roundNumber: round?.number ?? objection.raisedInRoundNumber, versionNumber },
      });
    }
    return integrated;
  }

  /** Reservations are not carried to the next round: they are integrated where they were cast. */
  async integrateReservations(documentId: string, versionNumber: number): Promise<string[]> {
    const open = await this.repository.openAmendingReservations(documentId);
    if (open.length === 0) return [];
    const version = await this.versions.get(documentId, versionNumber);
    const integrated: string[] = [];
    for (const reservation of open) {
      if (!(await this.carries(version.markdown, { source: 'reservation', id: reservation.id }, reservation))) continue;
      if (!reservationTransition(reservation.state, 'integrate')) continue;
      const at = new Date();
      if (!(await this.repository.integrateReservation(reservation.id, { byId: version.authorId, at, versionNumber }))) continue;
      integrated.push(reservation.id);
      await this.events.record(null, {
        documentId,
        roundId: reservation.raisedInRoundId,
        type: 'reservation.integrated',
        at,
        actorId: version.authorId,
        payload: { reservationId: reservation.id, federation: reservation.federation, roundNumber: reservation.raisedInRoundNumber, versionNumber },
      });
    }
    return integrated;
  }

  private async carries(versionMarkdown: string, owner: AmendmentOwner, record: AmendingRecord): Promise<boolean> {
    return amendmentIntegratedBy({ amendment: record.grounds.amendment, taken: await this.accepted(owner, record), versionMarkdown });
  }
}
