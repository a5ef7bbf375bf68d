import { EMPTY_POSITION_FORM, formFromPosition, positionFormErrors, positionInput } from './position-form';

const PARAGRAPHS = ['p1', 'p2', 'p3'];
const form = (overrides: Partial<typeof EMPTY_POSITION_FORM>) => ({ ...EMPTY_POSITION_FORM, ...overrides });

describe('positionFormErrors', () => {
  it('asks for a stance first', () => {
    expect(positionFormErrors(EMPTY_POSITION_FORM, PARAGRAPHS)).toEqual({ stance: 'rounds.position.errors.stanceRequired' });
  });

  it('accepts an agreement without a reason', () => {
    expect(positionFormErrors(form({ stance: 'agree' }), PARAGRAPHS)).toEqual({});
  });

  it('requires a reason for reservations', () => {
    expect(positionFormErrors(form({ stance: 'reservations', reason: '   ' }), PARAGRAPHS)).toEqual({
      reason: 'rounds.position.errors.reasonRequired',
    });
  });

  it('requires a reason, a paragraph and an amendment for an objection', () => {
    expect(positionFormErrors(form({ stance: 'object' }), PARAGRAPHS)).toEqual({
      reason: 'rounds.position.errors.reasonRequired',
      paragraphs: 'rounds.position.errors.paragraphsRequired',
      amendment: 'rounds.position.errors.amendmentRequired',
    });
  });

  it('accepts an objection that says no amendment is possible', () => {
    const objection = form({ stance: 'object', reason: 'Contraire au décret', paragraphs: ['p2'], noAmendmentPossible: true });
    expect(positionFormErrors(objection, PARAGRAPHS)).toEqual({});
  });

  it('names an overlong reason', () => {
    expect(positionFormErrors(form({ stance: 'agree', reason: 'x'.repeat(4001) }), PARAGRAPHS)).toEqual({
      reason: 'rounds.position.errors.reasonTooLong',
    });
  });
});

describe('positionInput', () => {
  it('leaves out the amendment of a stance that takes none', () => {
    expect(positionInput(form({ stance: 'agree', amendment: 'texte oublié', noAmendmentPossible: true }))).toEqual({
      stance: 'agree',
      reason: null,
      paragraphs: [],
    });
  });

  it('sends "no amendment possible" instead of a typed amendment when it is ticked', () => {
    expect(
      positionInput(form({ stance: 'object', reason: ' Non ', paragraphs: ['p1'], amendment: 'x', noAmendmentPossible: true })),
    ).toEqual({ stance: 'object', reason: 'Non', paragraphs: ['p1'], noAmendmentPossible: true });
  });

  it('sends a reservation’s amendment only when ticked and changed from the frozen text', () => {
    const reservation = form({ stance: 'reservations', reason: 'Plutôt ainsi', paragraphs: ['p1'], amendment: 'Texte amendé.' });
    expect(positionInput(reservation, 'Texte figé.')).toEqual({ stance: 'reservations', reason: 'Plutôt ainsi', paragraphs: ['p1'] });
    expect(positionInput({ ...reservation, amend: true }, 'Texte figé.')).toMatchObject({ amendment: 'Texte amendé.' });
    expect(positionInput({ ...reservation, amend: true, amendment: 'Texte figé.' }, 'Texte figé.')).toMatchObject({ amendment: null });
  });

  it('asks a reservation with an amendment to tick the paragraphs it rewrites', () => {
    expect(positionFormErrors(form({ stance: 'reservations', reason: 'r', amend: true, amendment: 'Texte amendé.' }), PARAGRAPHS)).toEqual({
      paragraphs: 'rounds.position.errors.paragraphsRequired',
    });
  });

  it('is null until a stance is chosen', () => {
    expect(positionInput(EMPTY_POSITION_FORM)).toBeNull();
  });
});

describe('formFromPosition', () => {
  it('starts from the current position', () => {
    const position = {
      federation: 'caips' as const,
      stance: 'object' as const,
      reason: 'Trop vague',
      paragraphs: ['p2'],
      amendment: 'Les ILI demandent un financement pluriannuel.',
      noAmendmentPossible: false,
      castBy: { id: 'u', displayName: 'Camille', mandate: 'titular' as const },
      castAt: '2026-03-01T10:00:00Z',
      history: [],
      evidence: [],
    };
    expect(formFromPosition(position)).toEqual({
      stance: 'object',
      reason: 'Trop vague',
      paragraphs: ['p2'],
      amendment: 'Les ILI demandent un financement pluriannuel.',
      noAmendmentPossible: false,
      amend: true,
    });
  });
});
