import { documentPermissions } from '../domain/document-access';
import { applySuggestionToText, canSuggest, findUniqueOccurrence, suggestionActions, suggestionKind } from './suggestions';

describe('suggestionKind', () => {
  it('is an insertion when nothing is quoted, a deletion when nothing replaces, a replacement otherwise', () => {
    expect(suggestionKind('', 'ajouté')).toBe('insert');
    expect(suggestionKind('retiré', '')).toBe('delete');
    expect(suggestionKind('ancien', 'nouveau')).toBe('replace');
  });

  it('is nothing when the change would change nothing', () => {
    expect(suggestionKind('', '')).toBeNull();
    expect(suggestionKind('même', 'même')).toBeNull();
  });
});

describe('who may act on a suggestion', () => {
  const drafting = { status: 'drafting' as const, observerIds: ['observer'] };
  const adopted = { status: 'adopted' as const, observerIds: [] };
  const open = { authorId: 'author', status: 'open' as const };

  it('lets representatives and the secretariat suggest on a text being drafted, never observers nor on an adopted text', () => {
    expect(canSuggest(documentPermissions({ id: 'r', role: 'representative' }, drafting))).toBe(true);
    expect(canSuggest(documentPermissions({ id: 'f', role: 'facilitator' }, { ...drafting, status: 'in_round' }))).toBe(true);
    expect(canSuggest(documentPermissions({ id: 'observer', role: 'observer' }, drafting))).toBe(false);
    expect(canSuggest(documentPermissions({ id: 'r', role: 'representative' }, adopted))).toBe(false);
  });

  it('lets any editor accept or refuse and only the author withdraw an open suggestion', () => {
    const editor = documentPermissions({ id: 'other', role: 'representative' }, drafting);
    expect(suggestionActions({ id: 'other' }, editor, open)).toEqual({ accept: true, reject: true, withdraw: false });
    const author = documentPermissions({ id: 'author', role: 'representative' }, drafting);
    expect(suggestionActions({ id: 'author' }, author, open)).toEqual({ accept: true, reject: true, withdraw: true });
  });

  it('lets observers act on nothing, and nobody act on a decided suggestion or decide on an adopted text', () => {
    const observer = documentPermissions({ id: 'observer', role: 'observer' }, drafting);
    expect(suggestionActions({ id: 'observer' }, observer, open)).toEqual({ accept: false, reject: false, withdraw: false });
    const editor = documentPermissions({ id: 'author', role: 'facilitator' }, drafting);
    for (const status of ['accepted', 'rejected', 'withdrawn', 'orphaned'] as const) {
      expect(suggestionActions({ id: 'author' }, editor, { ...open, status })).toEqual({ accept: false, reject: false, withdraw: false });
    }
    const frozen = documentPermissions({ id: 'f', role: 'facilitator' }, adopted);
    expect(suggestionActions({ id: 'f' }, frozen, open)).toMatchObject({ accept: false, reject: false });
  });
});

describe('findUniqueOccurrence', () => {
  it('finds a quote that occurs once', () => {
    expect(findUniqueOccurrence('Le décret de 2018.', 'décret')).toEqual({ found: true, index: 3 });
  });

  it('says why a quote cannot be placed: empty, absent, or several times (overlaps included)', () => {
    expect(findUniqueOccurrence('abc', '')).toEqual({ found: false, reason: 'empty' });
    expect(findUniqueOccurrence('abc', 'x')).toEqual({ found: false, reason: 'not_found' });
    expect(findUniqueOccurrence('le la le', 'le')).toEqual({ found: false, reason: 'ambiguous' });
    expect(findUniqueOccurrence('aaa', 'aa')).toEqual({ found: false, reason: 'ambiguous' });
  });
});

describe('applySuggestionToText', () => {
  it('replaces, deletes and inserts exactly at the quote', () => {
    expect(applySuggestionToText('Le décret de 2018.', 3, 'décret', 'arrêté')).toBe('Le arrêté de 2018.');
    expect(applySuggestionToText('Le décret de 2018.', 9, ' de 2018', '')).toBe('Le décret.');
    expect(applySuggestionToText('Le décret.', 9, '', ' de 2025')).toBe('Le décret de 2025.');
  });

  it('refuses an index where the quote does not stand', () => {
    expect(() => applySuggestionToText('abc', 1, 'a', 'x')).toThrow();
  });
});
