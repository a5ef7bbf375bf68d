/** The first 12 hex digits: enough to tell versions apart when read aloud or compared by eye. */
export function shortHash(contentHash: string): string {
  return contentHash.slice(0, 12);
}

/** A `<select>` value for a diff side, and back. */
export function sideToValue(side: number | 'draft'): string {
  return String(side);
}

export function valueToSide(value: string): number | 'draft' | null {
  if (value === 'draft') return 'draft';
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

/** By default compare the latest version with the draft, or the last two versions if asked. */
export function defaultComparison(numbers: readonly number[]): { from: number | null; to: number | 'draft' } {
  if (numbers.length === 0) return { from: null, to: 'draft' };
  return { from: Math.max(...numbers), to: 'draft' };
}

/** Longest version label a comparison picker shows before shortening it (at a word, with "…"). */
export const PICKER_LABEL_MAX = 36;

/** `text` within `max` characters, cut after a whole word and ended with "…"; never inside a word. */
export function shortenAtWord(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const lastSpace = cut.search(/\s\S*$/);
  const words = lastSpace > 0 ? cut.slice(0, lastSpace) : cut.split(/\s/)[0];
  return `${words.replace(/[\s,;:.—–-]+$/, '')}…`;
}
