import type { FederationSlug } from '@coupole/shared';

/** An ILI submitted (or replaced) its answer; counts as committed. */
export interface ConsultationAnsweredEvent {
  consultationId: string;
  federation: FederationSlug | null;
  shared: boolean;
  invited: number;
  responded: number;
}

export interface ConsultationEvents {
  'consultation.answered': ConsultationAnsweredEvent;
}
