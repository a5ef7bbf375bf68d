import type { EvidenceDto, FederationSlug } from '@coupole/shared';

/**
 * What rounds need of the consultations a position cites, provided by the consultations module
 * (a domain above this layer, which rounds must not import): whether a federation may cite them,
 * and how each stands now. Absent (a test module without consultations), no evidence is accepted.
 */
export abstract class ConsultationEvidence {
  /** Why these ids cannot be cited by this federation (one message each, naming `evidence`), or []. */
  abstract problems(federation: FederationSlug, consultationIds: readonly string[]): Promise<string[]>;

  /** The cited consultations, in the order given (unknown ids left out). */
  abstract summaries(consultationIds: readonly string[]): Promise<EvidenceDto[]>;
}

/** At most this many consultations per position. */
export const EVIDENCE_MAX = 5;
