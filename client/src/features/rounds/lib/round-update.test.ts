import { tally, type FederationSlug } from '@coupole/shared';
import type { RoundDetail, RoundObjection, RoundPosition, RoundReservation } from '../api/get-round';
import { applyRoundUpdate } from './round-update';

const author = { id: 'u1', displayName: 'Aïcha', mandate: 'titular' as const };
const position = (federation: FederationSlug, stance: RoundPosition['stance'], paragraphs: string[] = []): RoundPosition => ({
  federation,
  stance,
  reason: stance === 'agree' ? null : 'Parce que.',
  paragraphs,
  amendment: null,
  noAmendmentPossible: stance === 'object',
  castBy: author,
  castAt: '2026-12-01T10:00:00.000Z',
  history: [],
  evidence: [],
});
const units = [
  { id: 'p1', label: '§ 1', markdown: 'Un.', blockId: 'p1', heading: null, objectable: true },
  { id: 'p2', label: '§ 2', markdown: 'Deux.', blockId: 'p2', heading: null, objectable: true },
] as unknown as RoundDetail['units'];
const round = (positions: RoundPosition[], seq: number, objections: RoundObjection[] = []) =>
  ({ seq, positions, objections, reservations: [], units, convergence: [], tally: tally(positions, ['aleap', 'caips', 'codef', 'fdss', 'risome']) }) as unknown as RoundDetail;
const update = (seq: number, cast: RoundPosition, all: RoundPosition[], objection: RoundObjection | null = null) => {
  const { history: _history, ...changed } = cast;
  return { seq, tally: tally(all, ['aleap', 'caips', 'codef', 'fdss', 'risome']), position: changed, objection };
};

describe('applyRoundUpdate', () => {
  it('applies the next seq: tally, position in federation order, and the convergence map', () => {
    const aleap = position('aleap', 'agree');
    const codef = position('codef', 'reservations', ['p2']);
    const result = applyRoundUpdate(round([codef], 1), update(2, aleap, [aleap, codef]));
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.round.seq).toBe(2);
    expect(result.round.positions.map((p) => p.federation)).toEqual(['aleap', 'codef']);
    expect(result.round.tally.answered).toEqual(['aleap', 'codef']);
    expect(result.round.convergence.find((row) => row.paragraphId === 'p2')?.stances.reservations).toEqual([{ federation: 'codef', scope: 'paragraph' }]);
    expect(result.round.convergence.find((row) => row.paragraphId === 'p1')?.stances.agree).toEqual([{ federation: 'aleap', scope: 'whole_text' }]);
  });

  it('moves a changed position to its history', () => {
    const before = position('caips', 'object', ['p1']);
    const after = { ...position('caips', 'agree'), castAt: '2026-12-01T11:00:00.000Z' };
    const result = applyRoundUpdate(round([before], 4), update(5, after, [after]));
    if (result.kind !== 'applied') throw new Error(result.kind);
    expect(result.round.positions).toHaveLength(1);
    expect(result.round.positions[0]).toMatchObject({ stance: 'agree', castAt: '2026-12-01T11:00:00.000Z' });
    expect(result.round.positions[0].history).toEqual([
      { stance: 'object', reason: 'Parce que.', paragraphs: ['p1'], amendment: null, noAmendmentPossible: true, castBy: author, castAt: '2026-12-01T10:00:00.000Z' },
    ]);
  });

  it('adds a raised objection and replaces a withdrawn one by its id', () => {
    const objection = {
      id: 'o1', federation: 'codef', raisedInRound: 1, reason: 'Non.', paragraphs: ['p1'], amendment: null, noAmendmentPossible: true,
      state: 'open', answer: null, raisedBy: author, raisedAt: '2026-12-01T10:00:00.000Z', carried: false,
    } as RoundObjection;
    const objecting = position('codef', 'object', ['p1']);
    const raised = applyRoundUpdate(round([], 0), update(1, objecting, [objecting], objection));
    if (raised.kind !== 'applied') throw new Error(raised.kind);
    expect(raised.round.objections).toEqual([objection]);
    const agreeing = position('codef', 'agree');
    const withdrawn = applyRoundUpdate(raised.round, update(2, agreeing, [agreeing], { ...objection, state: 'withdrawn' }));
    if (withdrawn.kind !== 'applied') throw new Error(withdrawn.kind);
    expect(withdrawn.round.objections.map((o) => [o.id, o.state])).toEqual([['o1', 'withdrawn']]);
  });

  it('lists a reservation with its amendment in federation order, and drops it once a later cast withdraws it', () => {
    const reservation = (id: string, federation: FederationSlug, state: RoundReservation['state'] = 'open') =>
      ({ id, federation, raisedInRound: 1, reason: 'Parce que.', paragraphs: ['p1'], amendment: 'Un, mieux.', state, integratedInVersion: null, raisedBy: author, raisedAt: '2026-12-01T10:00:00.000Z' }) as RoundReservation;
    const risome = position('risome', 'reservations', ['p1']);
    const caips = position('caips', 'reservations', ['p1']);
    const first = applyRoundUpdate(round([], 0), { ...update(1, risome, [risome]), reservation: reservation('r1', 'risome') });
    if (first.kind !== 'applied') throw new Error(first.kind);
    const second = applyRoundUpdate(first.round, { ...update(2, caips, [risome, caips]), reservation: reservation('r2', 'caips') });
    if (second.kind !== 'applied') throw new Error(second.kind);
    expect(second.round.reservations.map((r) => [r.id, r.amendment])).toEqual([['r2', 'Un, mieux.'], ['r1', 'Un, mieux.']]);
    const agreeing = position('caips', 'agree');
    const withdrawn = applyRoundUpdate(second.round, { ...update(3, agreeing, [risome, agreeing]), reservation: reservation('r2', 'caips', 'withdrawn') });
    if (withdrawn.kind !== 'applied') throw new Error(withdrawn.kind);
    expect(withdrawn.round.reservations.map((r) => r.id)).toEqual(['r1']);
  });

  it('ignores an update the round already includes and reports a skipped seq as a gap', () => {
    const aleap = position('aleap', 'agree');
    expect(applyRoundUpdate(round([aleap], 3), update(3, aleap, [aleap])).kind).toBe('stale');
    expect(applyRoundUpdate(round([aleap], 3), update(2, aleap, [aleap])).kind).toBe('stale');
    expect(applyRoundUpdate(round([aleap], 3), update(5, aleap, [aleap])).kind).toBe('gap');
  });

  it("keeps the full history the caster's own answer brings", () => {
    const earlier = position('fdss', 'reservations');
    const answer = { ...position('fdss', 'agree'), history: [{ ...earlier, castAt: 'x' }].map(({ federation: _f, history: _h, evidence: _e, ...change }) => change) };
    const result = applyRoundUpdate(round([earlier], 0), { seq: 1, tally: tally([answer], ['fdss']), position: answer, objection: null });
    if (result.kind !== 'applied') throw new Error(result.kind);
    expect(result.round.positions[0].history).toEqual(answer.history);
  });
});
