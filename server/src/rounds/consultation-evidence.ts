import type { EvidenceDto, FederationSlug } from '@coupole/shared';
import type { EntityManager } from 'typeorm';

/**
 * What rounds need of the consultations a position cites, provided by the consultations module
 * (a domain above this layer, which rounds must not import): whether a federation may cite them,
 * and how each stands now. Absent (a test module without consultations), no evidence is accepted.
 */
export abstract class ConsultationEvidence {
  /** Why these ids cannot be cited by this federation (one message each, naming `evidence`), or []. */
  abstract problems(federation: FederationSlug, consultationIds: readonly string[]): Promise<string[]>;

  /**
   * The cited consultations as they stand now, in the order given (unknown ids left out); read
   * with `manager` inside a transaction (closing a round freezes them into the decision record).
   */
  abstract summaries(consultationIds: readonly string[], manager?: EntityManager): Promise<EvidenceDto[]>;
}

/** At most this many consultations per position. */
export const EVIDENCE_MAX = 5;
