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
