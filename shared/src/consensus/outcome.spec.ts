import fc from 'fast-check';
import { FEDERATION_SLUGS, type FederationSlug } from '../domain/federations';
import type { ObjectionAnswers } from './dto';
import {
  answersApply,
  canChangePosition,
  documentStatusAfter,
  explainOutcome,
  isAdoption,
  roundOutcome,
  shouldAutoClose,
  silenceCountsAsAgreement,
  validateCloseAnswers,
} from './outcome';
import type { CountedPosition } from './tally';
import {
  CLOSE_CAUSES,
  CONSENSUS_RULES,
  ROUND_OUTCOMES,
  STANCES,
  type CloseCause,
  type ConsensusRule,
  type RoundOutcome,
  type Stance,
} from './types';

/** One federation's state in a profile: no answer (`null`) or a stance. */
type Cell = Stance | null;
type Profile = Cell[];
const CELLS: Cell[] = [null, ...STANCES];

function allProfiles(): Profile[] {
  const profiles: Profile[] = [];
  for (let n = 0; n < CELLS.length ** FEDERATION_SLUGS.length; n += 1) {
    let rest = n;
    profiles.push(
      FEDERATION_SLUGS.map(() => {
        const cell = CELLS[rest % CELLS.length];
        rest = Math.floor(rest / CELLS.length);
        return cell;
      }),
    );
  }
  return profiles;
}

function positionsOf(
  profile: Profile,
  federations: readonly FederationSlug[] = FEDERATION_SLUGS,
): CountedPosition[] {
  return profile.flatMap((stance, i) =>
    stance === null ? [] : [{ federation: federations[i], stance, reason: 'r' }],
  );
}

const objectors = (profile: Profile, federations: readonly FederationSlug[] = FEDERATION_SLUGS) =>
  federations.filter((_, i) => profile[i] === 'object');

function answersFor(federations: readonly FederationSlug[], text = 'Réponse écrite.'): ObjectionAnswers {
  return Object.fromEntries(federations.map((federation) => [federation, text]));
}

/**
 * Reference: DESIGN §3 written plainly, counting, without the implementation's helpers.
 * - cancelled → cancelled
 * - an objection stands → blocked (under rough, an objection the closing facilitator
 *   answered in writing does not stand)
 * - someone did not answer → no_quorum, except under silence at the deadline where
 *   silence is agreement
 * - nobody supports (agree / reservations / silent agreement) → no_quorum
 * - reservations or ruled objections → adopted_with_reservations, else adopted
 */
function reference(
  rule: ConsensusRule,
  profile: Profile,
  cause: CloseCause,
  answers: ObjectionAnswers,
): RoundOutcome {
  if (cause === 'cancelled') return 'cancelled';
  let standing = 0;
  let ruled = 0;
  let missing = 0;
  let support = 0;
  let reserved = 0;
  for (let i = 0; i < profile.length; i += 1) {
    const cell = profile[i];
    const answer = answers[FEDERATION_SLUGS[i]];
    if (cell === null) {
      if (rule === 'silence' && cause === 'deadline') support += 1;
      else missing += 1;
    } else if (cell === 'object') {
      const answered = answer !== undefined && answer.trim().length > 0;
      if (rule === 'rough' && cause === 'facilitator' && answered) ruled += 1;
      else standing += 1;
    } else if (cell === 'agree') {
      support += 1;
    } else if (cell === 'reservations') {
      support += 1;
      reserved += 1;
    }
  }
  if (standing > 0) return 'blocked';
  if (missing > 0) return 'no_quorum';
  if (support === 0) return 'no_quorum';
  if (reserved > 0 || ruled > 0) return 'adopted_with_reservations';
  return 'adopted';
}

const PROFILES = allProfiles();

describe('roundOutcome', () => {
  it('enumerates 3125 distinct profiles of five federations', () => {
    expect(PROFILES).toHaveLength(3125);
    expect(new Set(PROFILES.map((p) => p.join('|'))).size).toBe(3125);
  });

  describe.each(CONSENSUS_RULES)('rule %s, every profile matches the reference', (rule) => {
    it.each(CLOSE_CAUSES)('closed by %s', (cause) => {
      const mismatches: string[] = [];
      const seen = new Set<RoundOutcome>();
      for (const profile of PROFILES) {
        const objecting = objectors(profile);
        const answerSets: ObjectionAnswers[] = [
          {},
          answersFor(objecting),
          answersFor(objecting.slice(0, 1)),
          answersFor(objecting, '   '),
        ];
        for (const answers of answerSets) {
          const expected = reference(rule, profile, cause, answers);
          const actual = roundOutcome({
            rule,
            cause,
            participants: FEDERATION_SLUGS,
            positions: positionsOf(profile),
            answers,
          });
          seen.add(actual);
          if (actual !== expected) {
            mismatches.push(`${profile.join(',')} answers=${Object.keys(answers)}: ${actual} ≠ ${expected}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      if (cause === 'cancelled') expect([...seen]).toEqual(['cancelled']);
      else expect([...seen].sort()).toEqual(ROUND_OUTCOMES.filter((o) => o !== 'cancelled').sort());
    });
  });

  const all = (cell: Cell): Profile => FEDERATION_SLUGS.map(() => cell);
  // Rows read: rule, cause, profile (aleap caips codef fdss risome; '-' no answer), answers, outcome.
  const A = 'agree';
  const R = 'reservations';
  const S = 'stand_aside';
  const O = 'object';
  const _ = null;
  it.each<[ConsensusRule, CloseCause, Profile, FederationSlug[], RoundOutcome]>([
    ['consensus', 'deadline', all(A), [], 'adopted'],
    ['consensus', 'deadline', [A, A, A, A, R], [], 'adopted_with_reservations'],
    ['consensus', 'deadline', [A, S, S, S, S], [], 'adopted'],
    ['consensus', 'deadline', all(S), [], 'no_quorum'],
    ['consensus', 'deadline', [A, A, A, A, _], [], 'no_quorum'],
    ['consensus', 'deadline', [O, _, _, _, _], [], 'blocked'],
    ['consensus', 'facilitator', [A, A, A, A, O], ['risome'], 'blocked'],
    ['consensus', 'cancelled', all(A), [], 'cancelled'],
    ['consensus', 'deadline', all(_), [], 'no_quorum'],
    ['silence', 'deadline', all(_), [], 'adopted'],
    ['silence', 'deadline', [R, _, _, _, _], [], 'adopted_with_reservations'],
    ['silence', 'deadline', [S, _, _, _, _], [], 'adopted'],
    ['silence', 'deadline', all(S), [], 'no_quorum'],
    ['silence', 'deadline', [O, _, _, _, _], [], 'blocked'],
    ['silence', 'facilitator', [A, A, A, A, _], [], 'no_quorum'],
    ['silence', 'auto_close', [A, A, A, A, A], [], 'adopted'],
    ['silence', 'facilitator', [A, A, A, A, O], ['risome'], 'blocked'],
    ['rough', 'facilitator', [A, A, A, A, O], ['risome'], 'adopted_with_reservations'],
    ['rough', 'facilitator', [A, A, A, O, O], ['risome'], 'blocked'],
    ['rough', 'deadline', [A, A, A, A, O], ['risome'], 'blocked'],
    ['rough', 'auto_close', [A, A, A, A, O], ['risome'], 'blocked'],
    ['rough', 'facilitator', [S, S, S, S, O], ['risome'], 'no_quorum'],
    ['rough', 'facilitator', [A, A, A, A, O], ['aleap'], 'blocked'],
    ['rough', 'facilitator', [O, A, _, A, A], ['aleap'], 'no_quorum'],
    ['rough', 'deadline', [A, A, A, A, _], [], 'no_quorum'],
    ['rough', 'cancelled', [A, A, A, A, O], [], 'cancelled'],
  ])('%s closed by %s with %j (answers %j) → %s', (rule, cause, profile, answered, outcome) => {
    expect(
      roundOutcome({
        rule,
        cause,
        participants: FEDERATION_SLUGS,
        positions: positionsOf(profile),
        answers: answersFor(answered),
      }),
    ).toBe(outcome);
  });

  it('closes as blocked when one federation objects even though others have not answered', () => {
    const outcome = explainOutcome({
      rule: 'consensus',
      cause: 'deadline',
      participants: FEDERATION_SLUGS,
      positions: [{ federation: 'codef', stance: 'object' }],
    });
    expect(outcome).toMatchObject({
      outcome: 'blocked',
      blocking: ['codef'],
      missing: ['aleap', 'caips', 'fdss', 'risome'],
    });
  });

  it('explains who supports, who reserves and who was ruled in the rough', () => {
    expect(
      explainOutcome({
        rule: 'rough',
        cause: 'facilitator',
        participants: ['risome', 'aleap', 'caips', 'fdss'],
        positions: [
          { federation: 'risome', stance: 'object' },
          { federation: 'aleap', stance: 'reservations' },
          { federation: 'caips', stance: 'agree' },
          { federation: 'fdss', stance: 'stand_aside' },
        ],
        answers: { risome: '  Nous avons répondu ainsi.  ' },
      }),
    ).toEqual({
      outcome: 'adopted_with_reservations',
      blocking: [],
      ruled: ['risome'],
      missing: [],
      silentAgree: [],
      supporters: ['aleap', 'caips'],
      withReservations: ['aleap'],
    });
  });

  it('lists silent federations as agreeing only under silence at the deadline', () => {
    const input = {
      rule: 'silence' as const,
      participants: ['aleap', 'caips'] as FederationSlug[],
      positions: [{ federation: 'aleap' as const, stance: 'agree' as const }],
    };
    expect(explainOutcome({ ...input, cause: 'deadline' })).toMatchObject({
      outcome: 'adopted',
      silentAgree: ['caips'],
      supporters: ['aleap', 'caips'],
      missing: [],
    });
    expect(explainOutcome({ ...input, cause: 'facilitator' })).toMatchObject({
      outcome: 'no_quorum',
      silentAgree: [],
      missing: ['caips'],
    });
  });

  it('ignores positions of federations that do not take part, and counts the last of duplicates', () => {
    expect(
      roundOutcome({
        rule: 'consensus',
        cause: 'deadline',
        participants: ['aleap', 'caips'],
        positions: [
          { federation: 'aleap', stance: 'agree' },
          { federation: 'caips', stance: 'object' },
          { federation: 'caips', stance: 'agree' },
          { federation: 'risome', stance: 'object' },
        ],
      }),
    ).toBe('adopted');
  });

  it('does not adopt a round without participants', () => {
    for (const rule of CONSENSUS_RULES) {
      expect(roundOutcome({ rule, cause: 'deadline', participants: [], positions: [] })).toBe(
        'no_quorum',
      );
    }
  });
});

describe('roundOutcome properties', () => {
  const cell = fc.constantFrom<Cell>(...CELLS);
  const profile = fc.array(cell, { minLength: 5, maxLength: 5 });
  const rule = fc.constantFrom(...CONSENSUS_RULES);
  const liveCause = fc.constantFrom<CloseCause>('deadline', 'facilitator', 'auto_close');
  const answers = fc.dictionary(
    fc.constantFrom(...FEDERATION_SLUGS),
    fc.oneof(fc.constant(''), fc.string()),
  ) as fc.Arbitrary<ObjectionAnswers>;
  const outcomeOf = (r: ConsensusRule, p: Profile, c: CloseCause, a: ObjectionAnswers = {}) =>
    roundOutcome({ rule: r, cause: c, participants: FEDERATION_SLUGS, positions: positionsOf(p), answers: a });

  it('matches the reference with arbitrary answers', () => {
    fc.assert(
      fc.property(rule, profile, fc.constantFrom(...CLOSE_CAUSES), answers, (r, p, c, a) => {
        expect(outcomeOf(r, p, c, a)).toBe(reference(r, p, c, a));
      }),
    );
  });

  it('blocks on a single objection under consensus and silence, whatever else and whoever answers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ConsensusRule>('consensus', 'silence'),
        profile,
        fc.integer({ min: 0, max: 4 }),
        liveCause,
        answers,
        (r, p, index, c, a) => {
          const withObjection = p.map((s, i) => (i === index ? 'object' : s));
          expect(outcomeOf(r, withObjection, c, a)).toBe('blocked');
        },
      ),
    );
  });

  it('counts silence as agreement only under silence at the deadline', () => {
    fc.assert(
      fc.property(rule, profile, liveCause, (r, p, c) => {
        fc.pre(p.includes(null));
        const filled = p.map((s) => s ?? 'agree');
        const silentAgrees = r === 'silence' && c === 'deadline';
        expect(silenceCountsAsAgreement(r, c)).toBe(silentAgrees);
        if (silentAgrees) {
          expect(outcomeOf(r, p, c)).toBe(outcomeOf(r, filled, c));
        } else {
          expect(['blocked', 'no_quorum']).toContain(outcomeOf(r, p, c));
        }
      }),
    );
  });

  it('never turns an adoption into anything else when a federation moves to agree', () => {
    fc.assert(
      fc.property(rule, profile, fc.integer({ min: 0, max: 4 }), liveCause, answers, (r, p, index, c, a) => {
        fc.pre(isAdoption(outcomeOf(r, p, c, a)));
        const moved = p.map((s, i) => (i === index ? 'agree' : s));
        expect(isAdoption(outcomeOf(r, moved, c, a))).toBe(true);
      }),
    );
  });

  it('never unblocks a blocked round when a federation moves to object', () => {
    fc.assert(
      fc.property(rule, profile, fc.integer({ min: 0, max: 4 }), liveCause, (r, p, index, c) => {
        fc.pre(outcomeOf(r, p, c) === 'blocked');
        const moved = p.map((s, i) => (i === index ? 'object' : s));
        expect(outcomeOf(r, moved, c)).toBe('blocked');
      }),
    );
  });

  it('does not depend on which federation holds which stance, nor on the order of positions', () => {
    fc.assert(
      fc.property(
        rule,
        profile,
        fc.constantFrom(...CLOSE_CAUSES),
        fc.shuffledSubarray([...FEDERATION_SLUGS], { minLength: 5, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (r, p, c, permutation, answered) => {
          const original = objectors(p).filter((f) => answered[FEDERATION_SLUGS.indexOf(f)]);
          const permuted = p
            .map((s, i) => (s === 'object' && answered[i] ? permutation[i] : null))
            .filter((f): f is FederationSlug => f !== null);
          const positions = positionsOf(p, permutation).reverse();
          expect(
            roundOutcome({ rule: r, cause: c, participants: [...permutation].reverse(), positions, answers: answersFor(permuted) }),
          ).toBe(outcomeOf(r, p, c, answersFor(original)));
        },
      ),
    );
  });

  it('never blocks a rough round the facilitator closes with every objection answered', () => {
    fc.assert(
      fc.property(profile, (p) => {
        expect(outcomeOf('rough', p, 'facilitator', answersFor(objectors(p)))).not.toBe('blocked');
      }),
    );
  });

  it('ignores answers unless the facilitator closes a rough round', () => {
    fc.assert(
      fc.property(rule, profile, fc.constantFrom(...CLOSE_CAUSES), (r, p, c) => {
        fc.pre(!answersApply(r, c));
        expect(outcomeOf(r, p, c, answersFor(FEDERATION_SLUGS))).toBe(outcomeOf(r, p, c));
      }),
    );
  });

  it('cancels whatever the positions when the cause is cancelled', () => {
    fc.assert(
      fc.property(rule, profile, answers, (r, p, a) => {
        expect(outcomeOf(r, p, 'cancelled', a)).toBe('cancelled');
      }),
    );
  });

  it('treats a subset of participants like a smaller federation of the same profile', () => {
    fc.assert(
      fc.property(
        rule,
        liveCause,
        fc.subarray([...FEDERATION_SLUGS], { minLength: 1 }),
        profile,
        (r, c, participants, p) => {
          const expected = reference(r, p.slice(0, participants.length), c, {});
          const positions = positionsOf(p.slice(0, participants.length), participants).concat(
            positionsOf(all5('object')).filter((pos) => !participants.includes(pos.federation)),
          );
          expect(roundOutcome({ rule: r, cause: c, participants, positions })).toBe(expected);
        },
      ),
    );
  });
  const all5 = (s: Stance): Profile => FEDERATION_SLUGS.map(() => s);
});

describe('isAdoption and documentStatusAfter', () => {
  it.each<[RoundOutcome, boolean, string]>([
    ['adopted', true, 'adopted'],
    ['adopted_with_reservations', true, 'adopted'],
    ['blocked', false, 'drafting'],
    ['no_quorum', false, 'drafting'],
    ['cancelled', false, 'drafting'],
  ])('%s adopts: %s, document becomes %s', (outcome, adopts, status) => {
    expect(isAdoption(outcome)).toBe(adopts);
    expect(documentStatusAfter(outcome)).toBe(status);
  });
});

describe('shouldAutoClose', () => {
  const round = { status: 'open' as const, autoClose: true, participants: ['aleap', 'caips'] as FederationSlug[] };
  const both = [{ federation: 'aleap' as const }, { federation: 'caips' as const }];

  it('closes once every participant has answered, whatever the stances', () => {
    expect(shouldAutoClose(round, both)).toBe(true);
  });
  it('waits while a participant has not answered, even if outsiders did', () => {
    expect(shouldAutoClose(round, [{ federation: 'aleap' }, { federation: 'risome' }])).toBe(false);
  });
  it('never fires without the option, on a closed round or without participants', () => {
    expect(shouldAutoClose({ ...round, autoClose: false }, both)).toBe(false);
    expect(shouldAutoClose({ ...round, status: 'closed' }, both)).toBe(false);
    expect(shouldAutoClose({ ...round, participants: [] }, [])).toBe(false);
  });
});

describe('canChangePosition', () => {
  it('allows changes only while the round is open', () => {
    expect(canChangePosition('open')).toBe(true);
    expect(canChangePosition('closed')).toBe(false);
  });
  it('refuses once the deadline has passed even if the round is not closed yet', () => {
    const closesAt = '2026-03-01T12:00:00.000Z';
    expect(canChangePosition('open', { closesAt, now: '2026-03-01T11:59:59.999Z' })).toBe(true);
    expect(canChangePosition('open', { closesAt, now: new Date(closesAt) })).toBe(false);
    expect(canChangePosition('closed', { closesAt, now: '2026-01-01T00:00:00Z' })).toBe(false);
  });
});

describe('validateCloseAnswers', () => {
  const base = {
    rule: 'rough' as ConsensusRule,
    participants: FEDERATION_SLUGS,
    positions: [
      { federation: 'aleap', stance: 'object' },
      { federation: 'caips', stance: 'agree' },
    ] as CountedPosition[],
  };

  it('accepts no answers, an empty object, or answers to standing objections', () => {
    expect(validateCloseAnswers({ ...base, answers: undefined })).toEqual([]);
    expect(validateCloseAnswers({ ...base, answers: null })).toEqual([]);
    expect(validateCloseAnswers({ ...base, rule: 'consensus', answers: {} })).toEqual([]);
    expect(validateCloseAnswers({ ...base, answers: { aleap: 'Nous répondons.' } })).toEqual([]);
  });
  it('refuses answers that are not an object', () => {
    expect(validateCloseAnswers({ ...base, answers: ['x'] })).toEqual([
      { field: 'answers', message: 'answers must be an object' },
    ]);
    expect(validateCloseAnswers({ ...base, answers: 'x' })).toHaveLength(1);
  });
  it('refuses answers under consensus and silence', () => {
    for (const rule of ['consensus', 'silence'] as const) {
      expect(validateCloseAnswers({ ...base, rule, answers: { aleap: 'x' } })).toEqual([
        { field: 'answers', message: 'answers are only allowed under rule rough' },
      ]);
    }
  });
  it('names each answer that does not answer an objection, is not text, is blank or too long', () => {
    const errors = validateCloseAnswers({
      ...base,
      positions: [
        ...base.positions,
        { federation: 'codef', stance: 'object' },
        { federation: 'fdss', stance: 'object' },
        { federation: 'risome', stance: 'object' },
      ],
      answers: { caips: 'x', nope: 'x', aleap: 3, codef: '  ', fdss: 'é'.repeat(4001), risome: 'ok' },
    });
    expect(errors).toEqual([
      { field: 'answers.caips', message: 'answers.caips does not answer an objection of this round' },
      { field: 'answers.nope', message: 'answers.nope does not answer an objection of this round' },
      { field: 'answers.aleap', message: 'answers.aleap must be a string' },
      { field: 'answers.codef', message: 'answers.codef should not be empty' },
      { field: 'answers.fdss', message: 'answers.fdss must be shorter than or equal to 4000 characters' },
    ]);
  });
});
