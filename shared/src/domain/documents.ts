export const DOCUMENT_KINDS = [
  'note_technique',
  'note_politique',
  'memorandum',
  'courrier',
  'question_parlementaire',
  'communique',
  'analyse',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['drafting', 'in_round', 'adopted', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
