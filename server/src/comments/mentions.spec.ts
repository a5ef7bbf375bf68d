import { classifyHandle, mentionHandles } from './mentions';

describe('mentionHandles', () => {
  it('finds federation and member handles once each, lower-cased, without trailing punctuation', () => {
    expect(mentionHandles('@CAIPS, pouvez-vous relire ? @caips-suppleant. Merci @caips!')).toEqual(['caips', 'caips-suppleant']);
  });

  it('does not read an email address as a mention', () => {
    expect(mentionHandles('Écrire à contact@cripel.be ou à @observateur')).toEqual(['observateur']);
  });

  it('reads handles after opening punctuation and line breaks, with accents', () => {
    expect(mentionHandles('(@aleap)\n@rené.dupont «@fdss»')).toEqual(['aleap', 'rené.dupont', 'fdss']);
  });

  it('finds nothing in a text without handles', () => {
    expect(mentionHandles('Rien à signaler @ @. @-')).toEqual([]);
  });
});

describe('classifyHandle', () => {
  it('reads a federation slug before an email local part', () => {
    expect(classifyHandle('caips')).toEqual({ kind: 'federation', slug: 'caips' });
  });

  it('reads a uuid as a user id and anything else as an email local part', () => {
    expect(classifyHandle('6f0c2a52-3f0e-4a8e-9c1f-6d1c8f1b2a10')).toEqual({
      kind: 'user',
      by: 'id',
      value: '6f0c2a52-3f0e-4a8e-9c1f-6d1c8f1b2a10',
    });
    expect(classifyHandle('observateur')).toEqual({ kind: 'user', by: 'localPart', value: 'observateur' });
  });
});
