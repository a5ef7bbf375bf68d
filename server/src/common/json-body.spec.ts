import { findUnstorableText, jsonNestingDepth } from './json-body';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe(jsonNestingDepth.name, () => {
  it('counts nested objects and arrays', () => {
    expect(jsonNestingDepth(bytes('1'))).toBe(0);
    expect(jsonNestingDepth(bytes('{"a":[1,{"b":[]}],"c":{}}'))).toBe(4);
    expect(jsonNestingDepth(bytes('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(100_000);
  });

  it('ignores brackets and escaped quotes inside strings', () => {
    expect(jsonNestingDepth(bytes('{"a":"[[[{{{\\"[[["}'))).toBe(1);
    expect(jsonNestingDepth(bytes('["\\\\",["x"]]'))).toBe(2);
  });
});

describe(findUnstorableText.name, () => {
  it('names the first field holding a NUL or a lone surrogate, keys included', () => {
    expect(findUnstorableText({ title: 'ok', answers: [{ text: 'a\u0000' }] })).toBe('answers.0.text');
    expect(findUnstorableText({ title: 'x\ud800' })).toBe('title');
    expect(findUnstorableText({ title: '\udc00x' })).toBe('title');
    expect(findUnstorableText({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findUnstorableText('\u0000')).toBe('(value)');
  });

  it('accepts surrogate pairs, accents and other control characters', () => {
    expect(findUnstorableText({ title: 'Été 🌍 \t\n\u0001', n: 1, none: null })).toBeUndefined();
    expect(findUnstorableText(undefined)).toBeUndefined();
  });
});
