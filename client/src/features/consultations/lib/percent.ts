import type { ConsultationStatus, QuestionKind } from '@coupole/shared';

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

export function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}
