import type { FederationSlug } from '@coupole/shared';

/** The secretariat reminded one federation of an open round ("Relancer"); committed. */
export interface FederationRemindedEvent {
  roundId: string;
  documentId: string;
  number: number;
  question: string;
  closesAt: string;
  federation: FederationSlug;
  actorId: string;
}

export interface FederationReminderEvents {
  'federation.reminded': FederationRemindedEvent;
}
