import { HEADING_LEVELS } from '../editor/extensions';

/** Marks a format suggestion may add or remove (the schema's, but links: a link is a target, not a look). */
export const SUGGESTION_FORMAT_MARKS = ['bold', 'italic', 'strike', 'underline'] as const;
export type SuggestionFormatMark = (typeof SUGGESTION_FORMAT_MARKS)[number];

export const SUGGESTION_FORMAT_ACTIONS = ['add', 'remove'] as const;
export type SuggestionFormatAction = (typeof SUGGESTION_FORMAT_ACTIONS)[number];

/** Block types a format suggestion may turn the quoted paragraphs into. */
export const SUGGESTION_FORMAT_BLOCKS = ['paragraph', 'heading', 'bulletList', 'orderedList'] as const;
export type SuggestionFormatBlock = (typeof SUGGESTION_FORMAT_BLOCKS)[number];

/**
 * A formatting change, as data: a mark added to or removed from the quoted characters
 * (`{ mark: 'bold', action: 'add' }`), or the quoted paragraphs' block type
 * (`{ block: 'heading', level: 2 }`, `{ block: 'bulletList' }`, `{ block: 'paragraph' }`).
 */
export type SuggestionFormat =
  | { mark: SuggestionFormatMark; action: SuggestionFormatAction }
  | { block: 'heading'; level: (typeof HEADING_LEVELS)[number] }
  | { block: Exclude<SuggestionFormatBlock, 'heading'> };

/** The request's loose form, each field checked on its own by the API before `checkSuggestionFormat`. */
export interface SuggestionFormatInput {
  mark?: string;
  action?: string;
  block?: string;
  level?: number;
}

export type FormatCheck = { valid: true; format: SuggestionFormat } | { valid: false; problem: string };

/** The one reading of a format request; `problem` names the field (`format.level` …) for a 400. */
export function checkSuggestionFormat(input: SuggestionFormatInput): FormatCheck {
  const invalid = (problem: string): FormatCheck => ({ valid: false, problem });
  if (input.mark !== undefined && input.block !== undefined) return invalid('format must have either mark or block, not both');
  if (input.mark !== undefined) {
    if (!(SUGGESTION_FORMAT_MARKS as readonly string[]).includes(input.mark)) return invalid(`format.mark must be one of ${SUGGESTION_FORMAT_MARKS.join(', ')}`);
    if (input.action === undefined || !(SUGGESTION_FORMAT_ACTIONS as readonly string[]).includes(input.action)) {
      return invalid('format.action must be add or remove for a mark');
    }
    if (input.level !== undefined) return invalid('format.level applies to a heading block only');
    return { valid: true, format: { mark: input.mark as SuggestionFormatMark, action: input.action as SuggestionFormatAction } };
  }
  if (input.block !== undefined) {
    if (!(SUGGESTION_FORMAT_BLOCKS as readonly string[]).includes(input.block)) return invalid(`format.block must be one of ${SUGGESTION_FORMAT_BLOCKS.join(', ')}`);
    if (input.action !== undefined) return invalid('format.action applies to a mark only');
    if (input.block === 'heading') {
      if (input.level === undefined || !(HEADING_LEVELS as readonly number[]).includes(input.level)) {
        return invalid(`format.level must be one of ${HEADING_LEVELS.join(', ')} for a heading`);
      }
      return { valid: true, format: { block: 'heading', level: input.level as (typeof HEADING_LEVELS)[number] } };
    }
    if (input.level !== undefined) return invalid('format.level applies to a heading block only');
    return { valid: true, format: { block: input.block as Exclude<SuggestionFormatBlock, 'heading'> } };
  }
  return invalid('format must have a mark or a block');
}

/** Whether a stored value is a format this version knows (the database keeps it as JSON). */
export function isSuggestionFormat(value: unknown): value is SuggestionFormat {
  if (typeof value !== 'object' || value === null) return false;
  return checkSuggestionFormat(value as SuggestionFormatInput).valid;
}

/**
 * A short key naming the change, for the UI's wording and the DOCX: `bold.add`, `italic.remove`,
 * `heading.2`, `paragraph`, `bulletList`, `orderedList`.
 */
export type SuggestionFormatKey =
  | `${SuggestionFormatMark}.${SuggestionFormatAction}`
  | `heading.${(typeof HEADING_LEVELS)[number]}`
  | Exclude<SuggestionFormatBlock, 'heading'>;

export function suggestionFormatKey(format: SuggestionFormat): SuggestionFormatKey {
  if ('mark' in format) return `${format.mark}.${format.action}`;
  return format.block === 'heading' ? `heading.${format.level}` : format.block;
}

/** Every key `suggestionFormatKey` can give (the UI words each one). */
export const SUGGESTION_FORMAT_KEYS: readonly SuggestionFormatKey[] = [
  ...SUGGESTION_FORMAT_MARKS.flatMap((mark) => SUGGESTION_FORMAT_ACTIONS.map((action) => `${mark}.${action}` as const)),
  ...HEADING_LEVELS.map((level) => `heading.${level}` as const),
  ...SUGGESTION_FORMAT_BLOCKS.filter((block): block is Exclude<SuggestionFormatBlock, 'heading'> => block !== 'heading'),
];
