import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('writes scalars as JSON', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect([0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 2 ** 53, 100].map(canonicalJson)).toEqual([
      '0',
      '0',
      '1',
      '-1.5',
      '0.30000000000000004',
      '1e+21',
      '1e-7',
      '9007199254740992',
      '100',
    ]);
  });

  it('refuses non-finite numbers', () => {
    for (const n of [NaN, Infinity, -Infinity]) expect(() => canonicalJson({ n })).toThrow(TypeError);
  });

  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: null } })).toBe('{"a":{"c":null,"d":[3,1,2]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, capitals and accents included', () => {
    expect(canonicalJson({ é: 1, e: 2, E: 3, z: 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"E":3,"e":2,"z":4,"é":1}',
    );
  });

  it('keeps accents and other characters as they are, without normalising them', () => {
    expect(canonicalJson({ t: 'Fédération « ILI » — 🇧🇪' })).toBe('{"t":"Fédération « ILI » — 🇧🇪"}');
    expect(canonicalJson('e\u0301')).not.toBe(canonicalJson('é'));
  });

  it('drops undefined properties and writes undefined array elements as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('writes dates as ISO 8601 UTC strings and refuses invalid ones', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 2, 1, 12)) })).toBe('{"at":"2026-03-01T12:00:00.000Z"}');
    expect(() => canonicalJson(new Date('nope'))).toThrow('invalid Date');
  });

  it('accepts objects without prototype', () => {
    const bare = Object.assign(Object.create(null), { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it('refuses values whose serialisation would be ambiguous', () => {
    for (const value of [undefined, 1n, () => 1, Symbol('s'), new Map(), new Set(), new (class Thing {})()]) {
      expect(() => canonicalJson(value)).toThrow(TypeError);
    }
    expect(() => canonicalJson({ m: new Map() })).toThrow('[object Map]');
  });

  it('refuses cycles but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('circular');
  });

  it('agrees with JSON.parse and ignores the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).not.toMatch(/^\s|\s$/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });
});
