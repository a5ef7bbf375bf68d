import { mayCarryAmendment } from './stances';
import { STANCES, type FieldError, type Stance } from './types';

export const POSITION_LIMITS = {
  reasonMaxLength: 4000,
  amendmentMaxLength: 20000,
  paragraphsMaxCount: 200,
  paragraphIdMaxLength: 100,
} as const;

/** A position after trimming: what gets stored when `validatePosition` finds no error. */
export interface NormalisedPosition {
  stance: Stance;
  reason: string | null;
  paragraphs: string[];
  amendment: string | null;
  noAmendmentPossible: boolean;
}

export interface ValidatePositionOptions {
  /** Paragraph ids of the round's version; when given, `paragraphs` must be among them. */
  paragraphIds?: readonly string[];
}

const isStance = (value: unknown): value is Stance =>
  typeof value === 'string' && (STANCES as readonly string[]).includes(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Trims texts (empty becomes `null`) and drops blank and repeated paragraph ids, keeping order. */
export function normalisePosition(input: {
  stance: Stance;
  reason?: string | null;
  paragraphs?: readonly string[];
  amendment?: string | null;
  noAmendmentPossible?: boolean;
}): NormalisedPosition {
  return {
    stance: input.stance,
    reason: trimToNull(input.reason),
    paragraphs: [...new Set((input.paragraphs ?? []).map((id) => id.trim()).filter(Boolean))],
    amendment: trimToNull(input.amendment),
    noAmendmentPossible: input.noAmendmentPossible === true,
  };
}

function trimToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Checks a cast position; the body comes from the network, so every type is checked.
 * Returns one error per broken rule, each message naming its field (the server answers 400).
 */
export function validatePosition(
  input: unknown,
  options: ValidatePositionOptions = {},
): FieldError[] {
  if (!isRecord(input)) {
    return [{ field: 'position', message: 'position must be an object' }];
  }
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  const { stance, reason, paragraphs, amendment, noAmendmentPossible } = input;
  if (!isStance(stance)) {
    add('stance', `stance must be one of the following values: ${STANCES.join(', ')}`);
  }

  const reasonText = optionalText('reason', reason, POSITION_LIMITS.reasonMaxLength, add);
  const amendmentText = optionalText(
    'amendment',
    amendment,
    POSITION_LIMITS.amendmentMaxLength,
    add,
  );
  const paragraphList = paragraphIdList(paragraphs, options.paragraphIds, add);

  if (noAmendmentPossible != null && typeof noAmendmentPossible !== 'boolean') {
    add('noAmendmentPossible', 'noAmendmentPossible must be a boolean value');
  }
  const noAmendment = noAmendmentPossible === true;

  if (!isStance(stance)) return errors;

  if ((stance === 'reservations' || stance === 'object') && reasonText === '') {
    add('reason', `reason is required for stance ${stance}`);
  }
  if (stance === 'object') {
    if (paragraphList !== undefined && paragraphList.length === 0) {
      add('paragraphs', 'paragraphs must contain at least 1 element for stance object');
    }
    if (amendmentText && noAmendment) {
      add('amendment', 'amendment must be empty when noAmendmentPossible is true');
    } else if (amendmentText === '' && !noAmendment) {
      add('amendment', 'amendment is required for stance object unless noAmendmentPossible is true');
    }
  } else {
    if (amendmentText && !mayCarryAmendment(stance)) add('amendment', 'amendment is only allowed for stances object and reservations');
    // A reservation's amendment replaces the paragraphs it points at, as an objection's does.
    if (amendmentText && mayCarryAmendment(stance) && paragraphList !== undefined && paragraphList.length === 0) {
      add('paragraphs', `paragraphs must contain at least 1 element when a ${stance} stance carries an amendment`);
    }
    if (noAmendment) add('noAmendmentPossible', 'noAmendmentPossible is only allowed for stance object');
  }
  return errors;
}

/** The trimmed text ('' when absent), or `undefined` when the value is not a string. */
function optionalText(
  field: string,
  value: unknown,
  maxLength: number,
  add: (field: string, message: string) => void,
): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    add(field, `${field} must be a string`);
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    add(field, `${field} must be shorter than or equal to ${maxLength} characters`);
  }
  return trimmed;
}

/** The distinct non-blank ids, or `undefined` when the value is not a list of strings. */
function paragraphIdList(
  value: unknown,
  knownIds: readonly string[] | undefined,
  add: (field: string, message: string) => void,
): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
    add('paragraphs', 'paragraphs must be an array of strings');
    return undefined;
  }
  const ids = [...new Set(value.map((id: string) => id.trim()))];
  if (ids.includes('')) add('paragraphs', 'paragraphs must not contain empty ids');
  const nonBlank = ids.filter(Boolean);
  if (nonBlank.length > POSITION_LIMITS.paragraphsMaxCount) {
    add(
      'paragraphs',
      `paragraphs must contain no more than ${POSITION_LIMITS.paragraphsMaxCount} elements`,
    );
  }
  if (nonBlank.some((id) => id.length > POSITION_LIMITS.paragraphIdMaxLength)) {
    add(
      'paragraphs',
      `each value in paragraphs must be shorter than or equal to ${POSITION_LIMITS.paragraphIdMaxLength} characters`,
    );
  }
  if (knownIds) {
    const known = new Set(knownIds);
    const unknown = nonBlank.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      add('paragraphs', `paragraphs contains ids not in this version: ${unknown.join(', ')}`);
    }
  }
  return nonBlank;
}
