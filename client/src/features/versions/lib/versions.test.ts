import { defaultComparison, shortenAtWord, shortHash, sideToValue, valueToSide } from './versions';

describe('versions helpers', () => {
  it('shortens a SHA-256 to twelve hex digits', () => {
    expect(shortHash('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe('9f86d081884c');
  });

  it('maps diff sides to select values and back, refusing anything else', () => {
    expect(valueToSide(sideToValue(3))).toBe(3);
    expect(valueToSide(sideToValue('draft'))).toBe('draft');
    expect(valueToSide('0')).toBeNull();
    expect(valueToSide('1.5')).toBeNull();
    expect(valueToSide('')).toBeNull();
  });

  it('shortens a long label after a whole word, never inside one', () => {
    expect(shortenAtWord('Avant relecture', 36)).toBe('Avant relecture');
    expect(shortenAtWord('Relecture intersectorielle approfondie des administrateurs', 36)).toBe('Relecture intersectorielle…');
    expect(shortenAtWord('Relecture, puis envoi au cabinet du ministre', 20)).toBe('Relecture, puis…');
    expect(shortenAtWord('Anticonstitutionnellement', 10)).toBe('Anticonstitutionnellement'.slice(0, 10) + '…');
  });

  it('compares the latest version with the draft by default', () => {
    expect(defaultComparison([1, 3, 2])).toEqual({ from: 3, to: 'draft' });
    expect(defaultComparison([])).toEqual({ from: null, to: 'draft' });
  });
});
