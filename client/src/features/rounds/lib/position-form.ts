import {
  STANCE_INFO,
  mayCarryAmendment,
  validatePosition,
  type PositionDto,
  type PositionInput,
  type Stance,
} from '@coupole/shared';

export interface PositionFormState {
  stance: Stance | '';
  reason: string;
  paragraphs: string[];
  amendment: string;
  noAmendmentPossible: boolean;
  /** A reservation's amendment is optional: proposed only when this is ticked. */
  amend: boolean;
}

export type PositionField = 'stance' | 'reason' | 'paragraphs' | 'amendment';

/** Catalogue keys of the messages the form shows, written out so the catalogue check finds them. */
export const POSITION_ERROR_KEYS = {
  stanceRequired: 'rounds.position.errors.stanceRequired',
  reasonRequired: 'rounds.position.errors.reasonRequired',
  reasonTooLong: 'rounds.position.errors.reasonTooLong',
  paragraphsRequired: 'rounds.position.errors.paragraphsRequired',
  amendmentRequired: 'rounds.position.errors.amendmentRequired',
  amendmentTooLong: 'rounds.position.errors.amendmentTooLong',
} as const;

export type PositionErrorKey = (typeof POSITION_ERROR_KEYS)[keyof typeof POSITION_ERROR_KEYS];

export const EMPTY_POSITION_FORM: PositionFormState = {
  stance: '',
  reason: '',
  paragraphs: [],
  amendment: '',
  noAmendmentPossible: false,
  amend: false,
};

/** The form starts from the federation's current position, so changing it means editing it. */
export function formFromPosition(position: PositionDto | undefined): PositionFormState {
  if (!position) return EMPTY_POSITION_FORM;
  return {
    stance: position.stance,
    reason: position.reason ?? '',
    paragraphs: [...position.paragraphs],
    amendment: position.amendment ?? '',
    noAmendmentPossible: position.noAmendmentPossible,
    amend: position.amendment != null,
  };
}

/**
 * The request body: fields a stance does not take are left out rather than sent and refused. A
 * reservation's amendment is sent when ticked and changed from `unchanged` (the frozen text the
 * editor opens with).
 */
export function positionInput(form: PositionFormState, unchanged = ''): PositionInput | null {
  if (form.stance === '') return null;
  const input: PositionInput = { stance: form.stance, reason: form.reason.trim() || null, paragraphs: form.paragraphs };
  if (STANCE_INFO[form.stance].needsAmendment) {
    if (form.noAmendmentPossible) input.noAmendmentPossible = true;
    else input.amendment = form.amendment.trim() || null;
  } else if (mayCarryAmendment(form.stance) && form.amend) {
    const amendment = form.amendment.trim();
    input.amendment = amendment && amendment !== unchanged.trim() ? amendment : null;
  }
  return input;
}

/**
 * The shared rule (the one the server applies) in the form's words: one message per field,
 * the first broken rule of each.
 */
export function positionFormErrors(
  form: PositionFormState,
  paragraphIds: readonly string[],
  unchanged = '',
): Partial<Record<PositionField, PositionErrorKey>> {
  const input = positionInput(form, unchanged);
  if (!input) return { stance: POSITION_ERROR_KEYS.stanceRequired };
  const errors: Partial<Record<PositionField, PositionErrorKey>> = {};
  for (const { field, message } of validatePosition(input, { paragraphIds })) {
    const tooLong = message.includes('shorter than');
    if (field === 'reason') {
      errors.reason ??= tooLong ? POSITION_ERROR_KEYS.reasonTooLong : POSITION_ERROR_KEYS.reasonRequired;
    } else if (field === 'paragraphs') {
      errors.paragraphs ??= POSITION_ERROR_KEYS.paragraphsRequired;
    } else if (field === 'amendment' || field === 'noAmendmentPossible') {
      errors.amendment ??= tooLong ? POSITION_ERROR_KEYS.amendmentTooLong : POSITION_ERROR_KEYS.amendmentRequired;
    }
  }
  return errors;
}
