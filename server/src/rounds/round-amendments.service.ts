import { amendmentAccepted, amendmentFullyAsSuggestions, isAmendmentIntegrated, objectionTransition, type FederationSlug, type NormalisedPosition, type SuggestionDto } from '@coupole/shared';
import * as Y from 'yjs';
import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { EventsService } from '../events/events.service';
import { SuggestionsService } from '../suggestions/suggestions.service';
import type { User } from '../users/user.entity';
import { VersionsService } from '../versions/versions.service';
import type { Round } from './round.entity';
import { RoundsRepository } from './rounds.repository';

/**
 * Objections' amendments as suggestions in the text (issue #10): written against the round's
 * frozen version, followed into the draft by the suggestions module, and integrated by the
 * first frozen version that carries them (the objection lifecycle of `shared/`).
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
   * After a cast: an objection's amendment becomes its suggestions against the version (the
   * earlier wording's withdrawn); a federation that no longer objects has its suggestions withdrawn.
   */
  async afterCast(user: User, roundId: string, federation: FederationSlug, cast: NormalisedPosition): Promise<void> {
    const objection = await this.repository.latestObjectionOf(roundId, federation);
    if (!objection) return;
    if (cast.stance !== 'object' || objection.state !== 'open') {
      await this.suggestions.withdrawAmendment(objection.id, user);
      return;
    }
    const round = await this.repository.findRoundOrFail(roundId);
    const version = await this.versions.get(round.documentId, round.versionNumber);
    await this.suggestions.replaceAmendment({
      objectionId: objection.id,
      documentId: round.documentId,
      author: user,
      version: { yjsState: await this.versions.yjsState(round.documentId, round.versionNumber), paragraphs: version.paragraphs },
      paragraphs: cast.paragraphs,
      amendment: cast.amendment,
    });
  }

  /**
   * Takes the amendment through its suggestions, accepted together in one edit, when they say all
   * of it; null when it changes more than words (formatting, added blocks) or has no open
   * suggestion: the caller then replaces the paragraphs whole and calls `acceptedWhole`.
   */
  async acceptThroughSuggestions(user: User, round: Round, objectionId: string, paragraphs: readonly string[], amendment: string): Promise<SuggestionDto[] | null> {
    const version = await this.versions.get(round.documentId, round.versionNumber);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await this.versions.yjsState(round.documentId, round.versionNumber));
      if (!amendmentFullyAsSuggestions(doc, version.paragraphs, paragraphs, amendment)) return null;
    } finally {
      doc.destroy();
    }
    const accepted = await this.suggestions.acceptAmendment(user, objectionId);
    return accepted.length > 0 ? accepted : null;
  }

  /** The amendment went into the draft whole: its open suggestions count as accepted. */
  acceptedWhole(user: User, objectionId: string): Promise<void> {
    return this.suggestions.markAmendmentAccepted(user, objectionId);
  }

  /** Whether the drafters took the amendment through its suggestions (the freeze's own test). */
  async accepted(objectionId: string): Promise<boolean> {
    return amendmentAccepted(await this.suggestions.amendmentStatuses(objectionId));
  }

  /** Its federation withdrew the objection: its amendment's open suggestions go with it. */
  async withdrawSuggestions(objectionId: string, user: User): Promise<void> {
    await this.suggestions.withdrawAmendment(objectionId, user);
  }

  /**
   * A frozen version integrates the open objections of its document whose amendment it carries:
   * every suggestion of it accepted into the draft it was frozen from, or its text found in it.
   */
  @OnDomainEvent('version.created')
  async versionFrozen({ documentId, number }: DomainEventPayload<'version.created'>): Promise<void> {
    try {
      await this.integrate(documentId, number);
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
      const taken =
        amendmentAccepted(await this.suggestions.amendmentStatuses(objection.id)) || isAmendmentIntegrated(objection.grounds.amendment, version.markdown);
      if (!taken || !objectionTransition(objection.state, 'integrate')) continue;
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
}
