import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { appendDecision, DECISION_RECORD_VERSION, decisionHash, GENESIS_HASH, servedColumnsFailure, sha256Hex, verifyChain } from './decision-record';
import type { DecisionDto, DecisionRecord } from './dto';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const author = { id: 'u9', displayName: 'Secrétariat', mandate: null };

function fields(n: number): Omit<DecisionRecord, 'seq' | 'prevHash'> {
  return {
    roundId: `round-${n}`,
    roundNumber: 1,
    documentId: `doc-${n}`,
    documentTitle: `Note n°${n} sur le parcours d'intégration`,
    version: n,
    contentHash: nodeSha256(`version ${n}`),
    question: 'Adoptons-nous cette note ?',
    rule: 'consensus',
    outcome: 'adopted_with_reservations',
    closeCause: 'deadline',
    participants: ['aleap', 'caips'],
    positions: [
      {
        federation: 'aleap',
        stance: 'reservations',
        reason: 'Réserve sur le §2 « accès ».',
        paragraphs: ['p2'],
        amendment: null,
        noAmendmentPossible: false,
        castBy: author,
        castAt: '2026-03-01T09:00:00.000Z',
      },
    ],
    objections: [],
    closedAt: `2026-03-0${n}T12:00:00.000Z`,
    closedBy: author,
  };
}

function chain(length: number): DecisionDto[] {
  const decisions: DecisionDto[] = [];
  for (let n = 1; n <= length; n += 1) decisions.push(appendDecision(decisions.at(-1) ?? null, fields(n)));
  return decisions;
}

describe('sha256Hex', () => {
  it('matches the standard test vectors and node:crypto on UTF-8 text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => expect(sha256Hex(text)).toBe(nodeSha256(text))));
  });
});

describe('decisionHash', () => {
  it('is the SHA-256 of prevHash followed by the canonical JSON of the record without hash', () => {
    const [first] = chain(1);
    const { hash, ...record } = first;
    expect(hash).toBe(nodeSha256(GENESIS_HASH + canonicalJson(record)));
    expect(decisionHash(GENESIS_HASH, first)).toBe(hash);
    expect(decisionHash(GENESIS_HASH, record)).toBe(hash);
  });

  it('does not depend on key order but changes with any field', () => {
    const [first] = chain(1);
    const { hash, ...record } = first;
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as DecisionRecord;
    expect(decisionHash(GENESIS_HASH, reordered)).toBe(hash);
    expect(decisionHash(GENESIS_HASH, { ...record, outcome: 'adopted' })).not.toBe(hash);
    expect(decisionHash('f'.repeat(64), record)).not.toBe(hash);
  });
});

describe('appendDecision', () => {
  it('starts at seq 1 on the genesis hash and links each decision to the previous one', () => {
    const [first, second] = chain(2);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts an empty register', () => {
    expect(verifyChain([])).toEqual({ valid: true, length: 0, head: GENESIS_HASH });
  });

  it('accepts a valid chain given in any order, with the last hash as head', () => {
    const decisions = chain(4);
    const expected = { valid: true, length: 4, head: decisions[3].hash };
    expect(verifyChain(decisions)).toEqual(expected);
    expect(verifyChain([...decisions].reverse())).toEqual(expected);
  });

  it('names the seq whose field was tampered with', () => {
    const decisions = chain(4);
    decisions[2] = { ...decisions[2], positions: [{ ...decisions[2].positions[0], stance: 'agree' }] };
    expect(verifyChain(decisions)).toEqual({
      valid: false,
      length: 4,
      head: decisions[1].hash,
      firstBrokenSeq: 3,
      failure: 'hash',
    });
  });

  it('names the next seq when a decision was rewritten with a fresh hash', () => {
    const decisions = chain(4);
    const { hash: _old, ...record } = { ...decisions[1], outcome: 'blocked' as const };
    decisions[1] = { ...record, hash: decisionHash(record.prevHash, record) };
    expect(verifyChain(decisions)).toMatchObject({ valid: false, firstBrokenSeq: 3, failure: 'prev_hash', head: decisions[1].hash });
  });

  it('names a first decision that does not start from the genesis hash', () => {
    const decisions = chain(2);
    const { hash: _old, ...record } = { ...decisions[0], prevHash: 'a'.repeat(64) };
    decisions[0] = { ...record, hash: decisionHash(record.prevHash, record) };
    expect(verifyChain(decisions)).toMatchObject({ valid: false, firstBrokenSeq: 1, failure: 'prev_hash', head: GENESIS_HASH });
  });

  it('names the missing seq of a gap, a repeated seq, and a register not starting at 1', () => {
    const decisions = chain(4);
    expect(verifyChain([decisions[0], decisions[1], decisions[3]])).toMatchObject({
      valid: false,
      length: 3,
      firstBrokenSeq: 3,
      failure: 'seq',
      head: decisions[1].hash,
    });
    expect(verifyChain([decisions[0], decisions[1], decisions[1]])).toMatchObject({ firstBrokenSeq: 3, failure: 'seq' });
    expect(verifyChain(decisions.slice(1))).toMatchObject({ firstBrokenSeq: 1, failure: 'seq' });
  });

  it('always names the first tampered decision of a random chain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), fc.string({ minLength: 1 }), (length, pick, text) => {
        const decisions = chain(length);
        const index = pick % length;
        decisions[index] = { ...decisions[index], question: decisions[index].question + text };
        expect(verifyChain(decisions)).toMatchObject({ valid: false, firstBrokenSeq: index + 1, failure: 'hash' });
      }),
    );
  });

  it('gives the same chain with an injected native SHA-256 as with the portable one', () => {
    const decisions = chain(4);
    for (const decision of decisions) {
      expect(decisionHash(decision.prevHash, decision, nodeSha256)).toBe(decision.hash);
    }
    expect(appendDecision(decisions[3], fields(5), nodeSha256)).toEqual(appendDecision(decisions[3], fields(5)));
    expect(verifyChain(decisions, nodeSha256)).toEqual(verifyChain(decisions));
    const tampered = decisions.map((decision) => (decision.seq === 3 ? { ...decision, outcome: 'blocked' as const } : decision));
    expect(verifyChain(tampered, nodeSha256)).toMatchObject({ valid: false, firstBrokenSeq: 3, failure: 'hash' });
  });

  it('reports the first decision failing the extra check, after its hash verified', () => {
    const decisions = chain(4);

    const result = verifyChain(decisions, sha256Hex, (decision) => (decision.seq >= 3 ? 'text' : undefined));

    expect(result).toEqual({ valid: false, length: 4, head: decisions[1].hash, firstBrokenSeq: 3, failure: 'text' });
  });

  it('detects a deleted last decision and a recomputed chain against a head published before', () => {
    const decisions = chain(4);
    const published = { length: 4, head: decisions[3].hash };
    const recomputed: DecisionDto[] = [];
    for (const [index, decision] of decisions.entries()) {
      const altered = index === 1 ? { ...fields(2), outcome: 'blocked' as const } : fields(index + 1);
      recomputed.push(appendDecision(recomputed.at(-1) ?? null, altered));
      expect(decision.seq).toBe(index + 1);
    }

    expect(verifyChain(decisions, sha256Hex, undefined, published)).toMatchObject({ valid: true });
    expect(verifyChain(decisions.slice(0, 3))).toMatchObject({ valid: true });
    expect(verifyChain(decisions.slice(0, 3), sha256Hex, undefined, published)).toMatchObject({ valid: false, firstBrokenSeq: 4, failure: 'published_head' });
    expect(verifyChain(recomputed)).toMatchObject({ valid: true });
    expect(verifyChain(recomputed, sha256Hex, undefined, published)).toMatchObject({ valid: false, firstBrokenSeq: 4, failure: 'published_head' });
    expect(verifyChain(decisions, sha256Hex, undefined, { length: 2, head: decisions[1].hash })).toMatchObject({ valid: true });
    expect(verifyChain(decisions, sha256Hex, undefined, { length: 0, head: GENESIS_HASH })).toMatchObject({ valid: true });
  });

  it('keeps the hashes of format-1 records and hashes documentKind from format 2 on', () => {
    const legacy = appendDecision(null, fields(1));
    const current = appendDecision(null, { ...fields(1), recordVersion: DECISION_RECORD_VERSION, documentKind: 'memorandum' });

    expect(legacy).not.toHaveProperty('recordVersion');
    expect(legacy.hash).toBe(decisionHash(GENESIS_HASH, { ...legacy, recordVersion: undefined, documentKind: undefined }));
    expect(decisionHash(GENESIS_HASH, { ...current, documentKind: 'analyse' })).not.toBe(current.hash);
  });
});

describe('a register of several record formats', () => {
  const evidence = [{ consultationId: 'c-1', title: 'Baromètre des ILI — printemps 2026', invited: 61, responded: 42 }];
  const withEvidence = (n: number): Omit<DecisionRecord, 'seq' | 'prevHash'> => ({
    ...fields(n),
    recordVersion: DECISION_RECORD_VERSION,
    documentKind: 'memorandum',
    positions: fields(n).positions.map((position) => ({ ...position, evidence })),
  });
  // Formats 1 (no version), 2 (documentKind), then 3 (evidence frozen at closing).
  const mixed: DecisionDto[] = [];
  mixed.push(appendDecision(null, fields(1)));
  mixed.push(appendDecision(mixed[0], { ...fields(2), recordVersion: 2, documentKind: 'analyse' }));
  mixed.push(appendDecision(mixed[1], withEvidence(3)));
  mixed.push(appendDecision(mixed[2], withEvidence(4)));

  it('verifies old-format and format-3 records in one chain', () => {
    expect(DECISION_RECORD_VERSION).toBe(3);
    expect(mixed.map((decision) => decision.recordVersion)).toEqual([undefined, 2, 3, 3]);
    expect(verifyChain(mixed)).toEqual({ valid: true, length: 4, head: mixed[3].hash });
    expect(verifyChain(mixed, nodeSha256)).toEqual({ valid: true, length: 4, head: mixed[3].hash });
  });

  it('detects evidence altered, added or removed in a format-3 record', () => {
    const alter = (change: (position: DecisionDto['positions'][number]) => DecisionDto['positions'][number]) =>
      mixed.map((decision) => (decision.seq === 3 ? { ...decision, positions: decision.positions.map(change) } : decision));

    expect(verifyChain(alter((position) => ({ ...position, evidence: [{ ...evidence[0], responded: 61 }] })))).toMatchObject({ valid: false, firstBrokenSeq: 3, failure: 'hash' });
    expect(verifyChain(alter((position) => ({ ...position, evidence: [{ ...evidence[0], title: 'Une autre enquête' }] })))).toMatchObject({ valid: false, firstBrokenSeq: 3, failure: 'hash' });
    expect(verifyChain(alter((position) => ({ ...position, evidence: [] })))).toMatchObject({ valid: false, firstBrokenSeq: 3, failure: 'hash' });
    const { evidence: _dropped, ...bare } = mixed[2].positions[0];
    expect(verifyChain(alter(() => bare))).toMatchObject({ valid: false, firstBrokenSeq: 3, head: mixed[1].hash, failure: 'hash' });
    // Evidence slipped into an older record breaks it as well.
    const forged = mixed.map((decision) => (decision.seq === 1 ? { ...decision, positions: decision.positions.map((position) => ({ ...position, evidence })) } : decision));
    expect(verifyChain(forged)).toMatchObject({ valid: false, firstBrokenSeq: 1, failure: 'hash' });
  });
});

describe('servedColumnsFailure', () => {
  const [decision] = chain(1);
  const columns = { roundId: decision.roundId, documentId: decision.documentId, documentKind: 'analyse' as const, closedAt: '2026-03-01T12:00:00Z' };

  it('accepts columns equal to the record (the closing time compared as an instant)', () => {
    expect(servedColumnsFailure(decision, columns)).toBeUndefined();
    expect(servedColumnsFailure(decision, columns, 'analyse')).toBeUndefined();
    expect(servedColumnsFailure({ ...decision, documentKind: 'analyse' }, columns, 'memorandum')).toBeUndefined();
  });

  it('names a row whose document, round, closing time or kind differs from the record', () => {
    expect(servedColumnsFailure(decision, { ...columns, documentId: 'doc-9' })).toBe('row');
    expect(servedColumnsFailure(decision, { ...columns, roundId: 'round-9' })).toBe('row');
    expect(servedColumnsFailure(decision, { ...columns, closedAt: '2026-03-01T12:00:01Z' })).toBe('row');
    expect(servedColumnsFailure({ ...decision, documentKind: 'memorandum' }, columns)).toBe('row');
    expect(servedColumnsFailure(decision, columns, 'memorandum')).toBe('row');
  });
});
