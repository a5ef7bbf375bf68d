import {
  canPublish,
  isAdoption,
  publicationSlug,
  type DecisionSummaryDto,
  type PublicationStateDto,
  type PublicStanceDto,
  type Role,
} from '@coupole/shared';
import { ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { apiError } from '../common/api-errors';
import { DecisionsService } from '../decisions/decisions.service';
import { federationLabel } from '../decisions/decision-text';
import type { Document } from '../documents/document.entity';
import type { DocumentUpdated } from '../documents/documents.events';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus, OnDomainEvent } from '../domain-events/domain-event-bus';
import { EventsService } from '../events/events.service';
import type { Version } from '../versions/version.entity';
import { VersionsService } from '../versions/versions.service';
import type { Publication } from './publication.entity';
import { PublicationsRepository } from './publications.repository';

/** What a public copy is made of. */
interface Publishable {
  document: Document;
  adoption: DecisionSummaryDto;
  version: Version;
}

export interface PublicationActor {
  id: string;
  role: Role;
  federationSlug: string | null;
}

/**
 * Puts an adopted document on the public site and takes it off. Only the secretariat reaches
 * these methods (the controller's roles); the document must be readable by the caller.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly documents: DocumentsService,
    private readonly decisions: DecisionsService,
    private readonly versions: VersionsService,
    private readonly events: EventsService,
    private readonly bus: DomainEventBus,
  ) {}

  async state(user: PublicationActor, documentId: string): Promise<PublicationStateDto> {
    await this.documents.assertCan(user, documentId, 'read');
    return toState(documentId, await this.publications.findByDocument(documentId));
  }

  /**
   * Copies the adopted version's text, its hash and each federation's final stance (never who
   * cast it) to the public site. 409 unless the document is adopted. Publishing an already
   * published text changes nothing.
   */
  async publish(user: PublicationActor, documentId: string): Promise<PublicationStateDto> {
    const { document, adoption } = await this.publishable(user, documentId);
    const existing = await this.publications.findByDocument(documentId);
    if (existing && !existing.withdrawnAt) return toState(documentId, existing);
    const version = await this.versions.get(documentId, adoption.version);
    const publication = await this.publications.transaction(async (manager) => {
      await this.copyIn(manager, { document, adoption, version }, { slug: existing?.slug, actorId: user.id, at: new Date() });
      return this.publications.findByDocument(documentId, manager);
    });
    const state = toState(documentId, publication);
    this.bus.emit('publication.published', { publication: state, actorId: user.id });
    return state;
  }

  /**
   * For the demo seed, in its transaction: publishes as `publish` does, by `user` at `at` (the
   * timeline says so), unless the document was ever published: a text someone took off the
   * public site stays off. No bus event: this is history, not news. True when published.
   */
  async publishIn(manager: EntityManager, user: PublicationActor, documentId: string, at: Date): Promise<boolean> {
    if (await this.publications.findByDocument(documentId, manager)) return false;
    const { document, adoption } = await this.publishable(user, documentId, manager);
    const version = await this.versions.get(documentId, adoption.version, manager);
    await this.copyIn(manager, { document, adoption, version }, { actorId: user.id, at });
    return true;
  }

  /** Takes the text off the public site; its page then says when. 409 when it is not published. */
  async unpublish(user: PublicationActor, documentId: string): Promise<PublicationStateDto> {
    await this.documents.assertCan(user, documentId, 'read');
    const state = await this.withdraw(documentId, user.id);
    if (!state) throw new ConflictException(apiError('not_published', 'This document is not on the public site'));
    return state;
  }

  /** A published text whose document is no longer adopted leaves the public site. */
  @OnDomainEvent('document.updated')
  async onDocumentUpdated({ document }: DocumentUpdated): Promise<void> {
    if (canPublish(document.status)) return;
    const existing = await this.publications.findByDocument(document.id);
    if (existing && !existing.withdrawnAt) await this.withdraw(document.id, null);
  }

  private async withdraw(documentId: string, actorId: string | null): Promise<PublicationStateDto | null> {
    const publication = await this.publications.transaction(async (manager: EntityManager) => {
      if (!(await this.publications.withdraw(manager, documentId, new Date(), actorId))) return null;
      await this.events.record(manager, { documentId, type: 'document.unpublished', actorId });
      return this.publications.findByDocument(documentId, manager);
    });
    if (!publication) return null;
    const state = toState(documentId, publication);
    this.bus.emit('publication.withdrawn', { publication: state, actorId });
    return state;
  }

  /** The document, if the caller may read it, and the decision that adopted it; 409 unless it is adopted. */
  private async publishable(user: PublicationActor, documentId: string, manager?: EntityManager): Promise<Omit<Publishable, 'version'>> {
    const document = await this.documents.assertCan(user, documentId, 'read', manager);
    const adoption = canPublish(document.status) ? await this.adoptionOf(documentId, manager) : null;
    if (!adoption) throw new ConflictException(apiError('document_not_adopted', 'Only an adopted document can be published'));
    return { document, adoption };
  }

  /** Writes the public copy and the timeline's `document.published`, in the caller's transaction. */
  private async copyIn(manager: EntityManager, { document, adoption, version }: Publishable, by: { slug?: string; actorId: string; at: Date }): Promise<void> {
    await this.publications.save(manager, {
      documentId: document.id,
      slug: by.slug ?? publicationSlug(document.title, document.id),
      title: document.title,
      kind: document.kind,
      adoptedAt: new Date(adoption.closedAt),
      decisionSeq: adoption.seq,
      decisionHash: adoption.hash,
      outcome: adoption.outcome,
      versionNumber: version.number,
      contentHash: version.contentHash,
      markdown: version.markdown,
      stances: publicStances(adoption),
      publishedAt: by.at,
      publishedBy: by.actorId,
    });
    await this.events.record(manager, {
      documentId: document.id,
      type: 'document.published',
      actorId: by.actorId,
      at: by.at,
      payload: { versionNumber: version.number },
    });
  }

  /** The document's latest decision when it adopted the text. */
  private async adoptionOf(documentId: string, manager?: EntityManager): Promise<DecisionSummaryDto | null> {
    const decisions = await this.decisions.forDocument(documentId, manager);
    const latest = decisions.at(-1);
    return latest && isAdoption(latest.outcome) ? latest : null;
  }
}

function toState(documentId: string, publication: Publication | null): PublicationStateDto {
  return {
    documentId,
    slug: publication?.slug ?? null,
    published: publication !== null && publication.withdrawnAt === null,
    publishedAt: publication?.publishedAt.toISOString() ?? null,
    withdrawnAt: publication?.withdrawnAt?.toISOString() ?? null,
  };
}

/**
 * Each participating federation's final stance. Reservations are published with the decision
 * (DESIGN §3), and so is the secretariat's answer to an objection ruled in the rough; every
 * other reason, and who cast each position, stay inside.
 */
export function publicStances(decision: Pick<DecisionSummaryDto, 'participants' | 'positions' | 'objections'>): PublicStanceDto[] {
  return decision.participants.map((federation) => {
    const position = decision.positions.find((candidate) => candidate.federation === federation);
    const ruled = decision.objections.find((objection) => objection.federation === federation && objection.state === 'ruled_in_the_rough');
    const stance = position?.stance ?? 'none';
    const reservation = stance === 'reservations' ? (position?.reason ?? null) : stance === 'object' ? (ruled?.answer ?? null) : null;
    return { federation, federationName: federationLabel(federation), stance, reservation };
  });
}
