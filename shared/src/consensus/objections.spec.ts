import type { CastPositionDto, ObjectionDto } from './dto';
import {
  carryOpenObjections,
  isAmendmentIntegrated,
  isTerminalObjectionState,
  normaliseWhitespace,
  objectionFromPosition,
  objectionsAtClose,
  objectionTransition,
} from './objections';
import { OBJECTION_EVENTS, OBJECTION_STATES, type ObjectionEvent, type ObjectionState } from './types';

const allowed: Record<string, ObjectionState> = {
  'open→integrate': 'integrated',
  'open→withdraw': 'withdrawn',
  'open→rule_in_the_rough': 'ruled_in_the_rough',
};
const pairs = OBJECTION_STATES.flatMap((state) =>
  OBJECTION_EVENTS.map((event): [ObjectionState, ObjectionEvent, ObjectionState | null] => [
    state,
    event,
    allowed[`${state}→${event}`] ?? null,
  ]),
);

describe('objectionTransition', () => {
  it('covers all 12 state × event pairs', () => expect(pairs).toHaveLength(12));

  it.each(pairs)('%s + %s → %s', (state, event, next) => {
    expect(objectionTransition(state, event)).toBe(next);
  });

  it.each<[ObjectionState, boolean]>([
    ['open', false],
    ['integrated', true],
    ['withdrawn', true],
    ['ruled_in_the_rough', true],
  ])('%s is terminal: %s', (state, terminal) => {
    expect(isTerminalObjectionState(state)).toBe(terminal);
  });
});

describe('isAmendmentIntegrated', () => {
  const version = '# Note\n\nLes ILI proposent\u00a0un   parcours\n**adapté** aux besoins.\n\nFin.';

  it('finds the amendment whatever the whitespace on either side', () => {
    expect(isAmendmentIntegrated('proposent un parcours', version)).toBe(true);
    expect(isAmendmentIntegrated('  un parcours\n**adapté**  ', version)).toBe(true);
  });

  it('compares accents in composed form', () => {
    expect(isAmendmentIntegrated('**ada\u0301pte\u0301**', version)).toBe(false);
    expect(isAmendmentIntegrated('**adapte\u0301**', version)).toBe(true);
  });

  it('does not integrate a different, recased or empty text', () => {
    expect(isAmendmentIntegrated('un parcours obligatoire', version)).toBe(false);
    expect(isAmendmentIntegrated('LES ILI', version)).toBe(false);
    expect(isAmendmentIntegrated('   ', version)).toBe(false);
    expect(isAmendmentIntegrated(null, version)).toBe(false);
  });

  it('normalises whitespace to single spaces', () => {
    expect(normaliseWhitespace(' a\u202f:\t\nb  ')).toBe('a : b');
  });
});

const author = { id: 'u1', displayName: 'Awa Diallo', mandate: 'titular' as const };
const objectionBase: ObjectionDto = {
  federation: 'caips',
  reason: 'Trop contraignant.',
  paragraphs: ['p2'],
  amendment: 'un parcours proposé',
  noAmendmentPossible: false,
  state: 'open',
  answer: null,
  raisedBy: author,
  raisedAt: '2026-02-01T10:00:00.000Z',
};

describe('carryOpenObjections', () => {
  it('carries open objections, marking integrated those whose amendment the new version took', () => {
    const previous: ObjectionDto[] = [
      objectionBase,
      { ...objectionBase, federation: 'fdss', amendment: 'autre texte' },
      { ...objectionBase, federation: 'aleap', amendment: null, noAmendmentPossible: true },
      { ...objectionBase, federation: 'codef', state: 'withdrawn' },
      { ...objectionBase, federation: 'risome', state: 'ruled_in_the_rough', answer: 'Vu.' },
    ];
    const carried = carryOpenObjections(previous, 'Les ILI offrent un\nparcours proposé.');
    expect(carried.map((o) => [o.federation, o.state])).toEqual([
      ['caips', 'integrated'],
      ['fdss', 'open'],
      ['aleap', 'open'],
    ]);
    expect(previous[0].state).toBe('open');
  });
});

describe('objectionsAtClose', () => {
  const position = (federation: CastPositionDto['federation'], stance: CastPositionDto['stance']): CastPositionDto => ({
    federation,
    stance,
    reason: 'Raison.',
    paragraphs: stance === 'object' ? ['p1'] : [],
    amendment: stance === 'object' ? 'Nouveau texte.' : null,
    noAmendmentPossible: false,
    castBy: author,
    castAt: '2026-02-02T09:00:00.000Z',
  });
  const positions = [position('risome', 'object'), position('aleap', 'agree'), position('caips', 'object')];
  const participants = ['aleap', 'caips', 'risome'] as const;

  it('records ruled objections with the trimmed answer and leaves the others open', () => {
    const objections = objectionsAtClose({
      rule: 'rough',
      cause: 'facilitator',
      participants: [...participants],
      positions,
      answers: { risome: '  Le décret l’impose.  ' },
      roundNumber: 2,
    });
    expect(objections).toEqual([
      { ...objectionFromPosition(positions[2], 2), state: 'open', answer: null },
      { ...objectionFromPosition(positions[0], 2), state: 'ruled_in_the_rough', answer: 'Le décret l’impose.' },
    ]);
    expect(objections[0]).toMatchObject({
      federation: 'caips',
      raisedInRound: 2,
      paragraphs: ['p1'],
      amendment: 'Nouveau texte.',
      raisedBy: author,
      raisedAt: '2026-02-02T09:00:00.000Z',
    });
  });

  it('never rules under consensus, and skips non-participants', () => {
    const objections = objectionsAtClose({
      rule: 'consensus',
      cause: 'facilitator',
      participants: ['aleap', 'caips'],
      positions,
      answers: { caips: 'x', risome: 'x' },
    });
    expect(objections).toEqual([objectionFromPosition(positions[2])]);
    expect(objections[0]).not.toHaveProperty('raisedInRound');
  });
});
