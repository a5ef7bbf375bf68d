import type { Suggestion, SuggestionList } from '../api/get-suggestions';
import { withSuggestion } from './suggestion-cache';

const base: Suggestion = {
  id: 's1',
  documentId: 'd',
  author: { id: 'u', displayName: 'Olivier Renard', federation: 'fdss' },
  federation: 'fdss',
  kind: 'replace',
  quote: '2018',
  replacement: '2025',
  format: null,
  status: 'open',
  anchor: { start: 'a', end: 'b' },
  objectionId: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  commentCount: 0,
};

describe('withSuggestion', () => {
  it('adds a new suggestion at the end and counts it', () => {
    const list: SuggestionList = { items: [], total: 0 };
    expect(withSuggestion(list, base)).toEqual({ items: [base], total: 1 });
  });

  it('replaces an open copy with its decided one, never a decided copy with a late open one', () => {
    const accepted = { ...base, status: 'accepted' as const };
    expect(withSuggestion({ items: [base], total: 1 }, accepted).items).toEqual([accepted]);
    const list = { items: [accepted], total: 1 };
    expect(withSuggestion(list, base)).toBe(list);
  });
});
