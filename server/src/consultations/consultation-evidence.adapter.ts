import { canCiteConsultation, type EvidenceDto, type FederationSlug } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import { ConsultationEvidence } from '../rounds/consultation-evidence';
import type { PositionCitedEvent } from '../rounds/rounds.events';
import { ConsultationsRepository } from './consultations.repository';

/** Lets rounds check and show the consultations a position cites; a citation shares them. */
@Injectable()
export class ConsultationEvidenceAdapter extends ConsultationEvidence {
  constructor(private readonly consultations: ConsultationsRepository) {
    super();
  }

  async problems(federation: FederationSlug, consultationIds: readonly string[]): Promise<string[]> {
    const found = new Map((await this.consultations.findByIds(consultationIds)).map((consultation) => [consultation.id, consultation]));
    return consultationIds.flatMap((id) => {
      const consultation = found.get(id);
      if (!consultation) return [`evidence: consultation ${id} does not exist`];
      if (!canCiteConsultation(federation, { federation: consultation.federationSlug })) return [`evidence: ${federation} may not cite consultation ${id} (another federation's)`];
      if (consultation.status === 'draft') return [`evidence: consultation ${id} has not been launched`];
      return [];
    });
  }

  async summaries(consultationIds: readonly string[], manager?: EntityManager): Promise<EvidenceDto[]> {
    const found = new Map((await this.consultations.findByIds(consultationIds, manager)).map((consultation) => [consultation.id, consultation]));
    const counts = await this.consultations.counts([...found.keys()], manager);
    return consultationIds.flatMap((id) => {
      const consultation = found.get(id);
      if (!consultation) return [];
      const count = counts.get(id) ?? { invited: 0, responded: 0 };
      return [{ consultationId: id, title: consultation.title, ...count }];
    });
  }

  /** Citing a consultation in a position shares it, and its results, with every member. */
  @OnDomainEvent('position.cited')
  async onCited({ consultationIds }: PositionCitedEvent): Promise<void> {
    await this.consultations.share(consultationIds);
  }
}
