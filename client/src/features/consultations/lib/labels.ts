import type { Affiliation, ConsultationStatus, Province, QuestionKind } from '@coupole/shared';

/** Catalogue keys, written out so the catalogue check sees each one used. */
export const KIND_LABEL_KEYS = {
  single: 'consultations.kinds.single',
  multiple: 'consultations.kinds.multiple',
  scale: 'consultations.kinds.scale',
  number: 'consultations.kinds.number',
  text: 'consultations.kinds.text',
} as const satisfies Record<QuestionKind, string>;

export const STATUS_LABEL_KEYS = {
  draft: 'consultations.status.draft',
  open: 'consultations.status.open',
  closed: 'consultations.status.closed',
} as const satisfies Record<ConsultationStatus, string>;

// The directory's own labels (same catalogue keys; no import across features).
export const PROVINCE_KEYS = {
  brabant_wallon: 'ilis.provinces.brabant_wallon',
  hainaut: 'ilis.provinces.hainaut',
  liege: 'ilis.provinces.liege',
  luxembourg: 'ilis.provinces.luxembourg',
  namur: 'ilis.provinces.namur',
} as const satisfies Record<Province, string>;

export const AFFILIATION_KEYS = {
  federation: 'ilis.affiliations.federation',
  copili: 'ilis.affiliations.copili',
  none: 'ilis.affiliations.none',
} as const satisfies Record<Affiliation, string>;

export function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}
