/**
 * Canonical JSON, the exact text the decision register hashes. Same output in Node and
 * in the browser, and for any key order the value was built with:
 * - `null`, `true`, `false` as in JSON;
 * - numbers: finite only, written as `JSON.stringify` writes them (shortest round-trip form,
 *   `-0` as `0`, `1e21` as `1e+21`); `NaN` and `±Infinity` throw instead of silently becoming `null`;
 * - strings: as `JSON.stringify` writes them (escapes `"`, `\` and control characters,
 *   keeps every other character, accents included, as-is; hashed as UTF-8); no Unicode
 *   normalisation, so the text is hashed exactly as stored;
 * - `Date`: its ISO 8601 UTC string (`toISOString()`); an invalid date throws;
 * - arrays: elements in order; an `undefined` element is written `null`, as in JSON;
 * - plain objects (prototype `Object.prototype` or `null`): keys sorted by UTF-16 code
 *   units (JavaScript's default sort, as RFC 8785), properties whose value is `undefined`
 *   dropped, written `{"a":1,"b":2}`;
 * - no whitespace anywhere;
 * - anything else (bigint, function, symbol, Map, class instances, a top-level `undefined`,
 *   cycles) throws a `TypeError`: a hash must never depend on how a value happens to serialise.
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

// Hot path of register verification (tens of MB of records): string concatenation and a
// small ancestor stack instead of map/filter/join and a Set.
function write(value: unknown, ancestors: object[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, ancestors);
    default:
      throw new TypeError(`canonicalJson: unsupported value of type ${typeof value}`);
  }
}

function writeObject(value: object, ancestors: object[]): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('canonicalJson: invalid Date');
    return JSON.stringify(value.toISOString());
  }
  if (ancestors.includes(value)) throw new TypeError('canonicalJson: circular structure');
  ancestors.push(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      const item: unknown = value[index];
      text += item === undefined ? 'null' : write(item, ancestors);
    }
    text += ']';
  } else {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`canonicalJson: unsupported ${Object.prototype.toString.call(value)}`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    text = '{';
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) text += ',';
      first = false;
      text += JSON.stringify(key) + ':' + write(member, ancestors);
    }
    text += '}';
  }
  ancestors.pop();
  return text;
}
