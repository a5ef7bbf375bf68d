import type { DocumentKind, DocumentStatus } from '@coupole/shared';

/** Catalogue keys, written out so the catalogue check can find each one. */
export const KIND_KEYS = {
  note_technique: 'documentKinds.note_technique',
  note_politique: 'documentKinds.note_politique',
  memorandum: 'documentKinds.memorandum',
  courrier: 'documentKinds.courrier',
  question_parlementaire: 'documentKinds.question_parlementaire',
  communique: 'documentKinds.communique',
  analyse: 'documentKinds.analyse',
} as const satisfies Record<DocumentKind, string>;

export const STATUS_KEYS = {
  drafting: 'documentStatuses.drafting',
  in_round: 'documentStatuses.in_round',
  adopted: 'documentStatuses.adopted',
  withdrawn: 'documentStatuses.withdrawn',
} as const satisfies Record<DocumentStatus, string>;
