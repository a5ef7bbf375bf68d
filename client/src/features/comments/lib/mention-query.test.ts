import { insertMention, matchMentions, mentionQueryAt } from './mention-query';

describe('mentionQueryAt', () => {
  it('finds the @word before the caret, also empty right after the @', () => {
    expect(mentionQueryAt('Merci @na', 9)).toEqual({ start: 6, query: 'na' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('(@caï', 5)).toEqual({ start: 1, query: 'caï' });
  });

  it('is silent inside an e-mail address, after a space, or with the caret elsewhere', () => {
    expect(mentionQueryAt('contact@cripel', 14)).toBeNull();
    expect(mentionQueryAt('@nadia merci', 12)).toBeNull();
    expect(mentionQueryAt('Merci @na', 5)).toBeNull();
  });
});

describe('matchMentions', () => {
  const candidates = [
    { handle: 'caips', displayName: 'CAIPS' },
    { handle: 'fdss', displayName: 'FdSS' },
    { handle: 'aicha-el-idrissi', displayName: 'Aïcha El Idrissi' },
    { handle: 'nadia-benali', displayName: 'Nadia Benali' },
  ];

  it('matches the start of the handle, the name or a word of it, accents and case aside', () => {
    expect(matchMentions(candidates, 'AIC').map((item) => item.handle)).toEqual(['aicha-el-idrissi']);
    expect(matchMentions(candidates, 'ben').map((item) => item.handle)).toEqual(['nadia-benali']);
    expect(matchMentions(candidates, 'fd').map((item) => item.handle)).toEqual(['fdss']);
  });

  it('offers everyone for an empty query, up to the limit', () => {
    expect(matchMentions(candidates, '', 3)).toHaveLength(3);
  });
});

describe('insertMention', () => {
  it('replaces the typed @query with the handle and a space, caret after it', () => {
    expect(insertMention('Merci @na', { start: 6, query: 'na' }, 'nadia-benali')).toEqual({ text: 'Merci @nadia-benali ', caret: 20 });
  });

  it('keeps the text after the caret and does not double a space', () => {
    expect(insertMention('@ca et vous', { start: 0, query: 'ca' }, 'caips')).toEqual({ text: '@caips et vous', caret: 7 });
  });
});
