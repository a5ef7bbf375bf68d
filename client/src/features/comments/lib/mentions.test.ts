import type { CommentDto } from '@coupole/shared';
import { withComment } from './comment-cache';
import { mentionsUser, splitMentions } from './mentions';

describe('splitMentions', () => {
  it('finds federation handles at the start, middle and end of a body', () => {
    expect(splitMentions('@caips peux-tu relire ? Merci @fdss.')).toEqual([
      { kind: 'mention', text: '@caips', handle: 'caips' },
      { kind: 'text', text: ' peux-tu relire ? Merci ' },
      { kind: 'mention', text: '@fdss', handle: 'fdss' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves e-mail addresses alone', () => {
    expect(splitMentions('Écrire à aleap@demo.coupole.be')).toEqual([
      { kind: 'text', text: 'Écrire à aleap@demo.coupole.be' },
    ]);
  });

  it('keeps accented handles and lower-cases them', () => {
    expect(splitMentions('(@Élise)')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'mention', text: '@Élise', handle: 'élise' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('returns the body as one text segment when nothing is mentioned', () => {
    expect(splitMentions('Aucune mention @ ici')).toEqual([{ kind: 'text', text: 'Aucune mention @ ici' }]);
  });
});

describe('mentionsUser', () => {
  it('matches the user id or the user’s federation', () => {
    expect(mentionsUser(['caips'], { id: 'u1', federation: 'caips' })).toBe(true);
    expect(mentionsUser(['u1'], { id: 'u1', federation: null })).toBe(true);
    expect(mentionsUser(['aleap'], { id: 'u1', federation: 'caips' })).toBe(false);
  });
});

describe('withComment', () => {
  const base: CommentDto = {
    id: 'c1',
    documentId: 'd1',
    infoId: null,
    suggestionId: null,
    body: 'Premier',
    author: { id: 'u1', displayName: 'A', federation: 'aleap' },
    mentions: [],
    resolved: false,
    replies: [],
    createdAt: '2025-01-01T10:00:00Z',
    updatedAt: '2025-01-01T10:00:00Z',
  };

  it('appends a new comment and counts it', () => {
    const list = withComment({ items: [], total: 0 }, base);
    expect(list).toEqual({ items: [base], total: 1 });
  });

  it('replaces an older copy in place', () => {
    const resolved = { ...base, resolved: true, updatedAt: '2025-01-01T11:00:00Z' };
    expect(withComment({ items: [base], total: 1 }, resolved).items).toEqual([resolved]);
  });

  it('keeps the fresher copy when a late live event carries an older one', () => {
    const resolved = { ...base, resolved: true, updatedAt: '2025-01-01T11:00:00Z' };
    expect(withComment({ items: [resolved], total: 1 }, base).items).toEqual([resolved]);
  });
});
