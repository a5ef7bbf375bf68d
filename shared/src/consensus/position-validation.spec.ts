import { normalisePosition, POSITION_LIMITS, validatePosition } from './position-validation';
import { STANCES } from './types';

const messages = (input: unknown, paragraphIds?: string[]) =>
  validatePosition(input, paragraphIds ? { paragraphIds } : undefined).map((e) => e.message);

const objection = {
  stance: 'object',
  reason: 'Le paragraphe 2 contredit le décret de 2025.',
  paragraphs: ['p2'],
  amendment: 'Remplacer « obligatoire » par « proposé ».',
};

describe('validatePosition', () => {
  it('accepts a bare agree and a bare stand_aside', () => {
    expect(validatePosition({ stance: 'agree' })).toEqual([]);
    expect(validatePosition({ stance: 'stand_aside', reason: null, paragraphs: null })).toEqual([]);
  });

  it('accepts an objection with an amendment, or with no amendment possible and a reason', () => {
    expect(validatePosition(objection, { paragraphIds: ['p1', 'p2'] })).toEqual([]);
    expect(
      validatePosition({ ...objection, amendment: undefined, noAmendmentPossible: true }),
    ).toEqual([]);
  });

  it('refuses a body that is not an object', () => {
    for (const input of [null, undefined, 'agree', ['agree']]) {
      expect(validatePosition(input)).toEqual([
        { field: 'position', message: 'position must be an object' },
      ]);
    }
  });

  it('refuses a missing or unknown stance and still checks the other fields', () => {
    expect(validatePosition({ reason: 4 })).toEqual([
      { field: 'stance', message: 'stance must be one of the following values: agree, reservations, stand_aside, object' },
      { field: 'reason', message: 'reason must be a string' },
    ]);
    expect(messages({ stance: 'veto' })).toHaveLength(1);
  });

  it.each(['reservations', 'object'])('requires a reason for stance %s, blank counting as none', (stance) => {
    for (const reason of [undefined, null, '', '   \n\t']) {
      expect(validatePosition({ ...objection, stance, reason })).toContainEqual({
        field: 'reason',
        message: `reason is required for stance ${stance}`,
      });
    }
  });

  it('does not require a reason for agree or stand_aside', () => {
    expect(validatePosition({ stance: 'agree', reason: '  ' })).toEqual([]);
  });

  it('limits the length of the trimmed reason and amendment', () => {
    const long = 'a'.repeat(POSITION_LIMITS.reasonMaxLength);
    expect(validatePosition({ stance: 'reservations', reason: `  ${long}  ` })).toEqual([]);
    expect(messages({ stance: 'reservations', reason: `${long}a` })).toEqual([
      'reason must be shorter than or equal to 4000 characters',
    ]);
    expect(messages({ ...objection, amendment: 'b'.repeat(POSITION_LIMITS.amendmentMaxLength + 1) })).toEqual([
      'amendment must be shorter than or equal to 20000 characters',
    ]);
  });

  it('requires an objection to point at least at one paragraph', () => {
    for (const paragraphs of [undefined, [], ['  ']]) {
      expect(messages({ ...objection, paragraphs })).toContain(
        'paragraphs must contain at least 1 element for stance object',
      );
    }
  });

  it('requires exactly one of an amendment or noAmendmentPossible for an objection', () => {
    expect(validatePosition({ ...objection, amendment: '  ' })).toEqual([
      { field: 'amendment', message: 'amendment is required for stance object unless noAmendmentPossible is true' },
    ]);
    expect(validatePosition({ ...objection, noAmendmentPossible: false, amendment: null })).toHaveLength(1);
    expect(validatePosition({ ...objection, noAmendmentPossible: true })).toEqual([
      { field: 'amendment', message: 'amendment must be empty when noAmendmentPossible is true' },
    ]);
    expect(validatePosition({ ...objection, amendment: '', noAmendmentPossible: true })).toEqual([]);
  });

  it('refuses amendments on agree and stand_aside, and noAmendmentPossible on every stance but object', () => {
    for (const stance of ['agree', 'stand_aside'] as const) {
      expect(messages({ stance, reason: 'r', amendment: 'texte', noAmendmentPossible: true })).toEqual([
        'amendment is only allowed for stances object and reservations',
        'noAmendmentPossible is only allowed for stance object',
      ]);
    }
    for (const stance of STANCES.filter((s) => s !== 'object')) {
      expect(validatePosition({ stance, reason: 'r', amendment: ' ', noAmendmentPossible: false })).toEqual([]);
    }
    expect(messages({ stance: 'reservations', reason: 'r', paragraphs: ['p1'], noAmendmentPossible: true })).toEqual([
      'noAmendmentPossible is only allowed for stance object',
    ]);
  });

  it('lets a reservation carry an optional amendment of the paragraphs it points at', () => {
    expect(validatePosition({ stance: 'reservations', reason: 'Plutôt ainsi.', paragraphs: ['p1'], amendment: 'Texte amendé.' })).toEqual([]);
    expect(validatePosition({ stance: 'reservations', reason: 'Sans amendement.' })).toEqual([]);
    expect(validatePosition({ stance: 'reservations', reason: 'r', amendment: 'Texte amendé.' })).toEqual([
      { field: 'paragraphs', message: 'paragraphs must contain at least 1 element when a reservations stance carries an amendment' },
    ]);
    expect(messages({ stance: 'reservations', reason: 'r', paragraphs: ['p1'], amendment: 7 })).toEqual(['amendment must be a string']);
  });

  it('checks types of amendment, noAmendmentPossible and paragraphs', () => {
    expect(validatePosition({ ...objection, amendment: 12, noAmendmentPossible: 'yes', paragraphs: 'p2' })).toEqual([
      { field: 'amendment', message: 'amendment must be a string' },
      { field: 'paragraphs', message: 'paragraphs must be an array of strings' },
      { field: 'noAmendmentPossible', message: 'noAmendmentPossible must be a boolean value' },
    ]);
    expect(messages({ stance: 'agree', paragraphs: ['p1', 2] })).toEqual([
      'paragraphs must be an array of strings',
    ]);
  });

  it('refuses blank, too many, too long and unknown paragraph ids', () => {
    expect(messages({ stance: 'agree', paragraphs: ['p1', ' '] })).toEqual([
      'paragraphs must not contain empty ids',
    ]);
    const many = Array.from({ length: POSITION_LIMITS.paragraphsMaxCount + 1 }, (_, i) => `p${i}`);
    expect(messages({ stance: 'agree', paragraphs: many })).toEqual([
      'paragraphs must contain no more than 200 elements',
    ]);
    expect(messages({ stance: 'agree', paragraphs: [...many, ...many].slice(0, 200) })).toEqual([]);
    expect(messages({ stance: 'agree', paragraphs: ['x'.repeat(101)] })).toEqual([
      'each value in paragraphs must be shorter than or equal to 100 characters',
    ]);
    expect(messages({ ...objection, paragraphs: ['p2', 'p9', ' p7 '] }, ['p1', 'p2'])).toEqual([
      'paragraphs contains ids not in this version: p9, p7',
    ]);
  });

  it('accepts any paragraph ids when the version is not given, and repeated ids once', () => {
    expect(validatePosition({ ...objection, paragraphs: ['p9', 'p9'] })).toEqual([]);
    expect(validatePosition({ ...objection, paragraphs: [' p2 ', 'p2'] }, { paragraphIds: ['p2'] })).toEqual([]);
  });
});

describe('normalisePosition', () => {
  it('trims texts, turns blank ones into null and keeps distinct paragraph ids in order', () => {
    expect(
      normalisePosition({
        stance: 'object',
        reason: '  Pourquoi.  ',
        paragraphs: [' p3', 'p1', 'p3', '  '],
        amendment: '   ',
      }),
    ).toEqual({
      stance: 'object',
      reason: 'Pourquoi.',
      paragraphs: ['p3', 'p1'],
      amendment: null,
      noAmendmentPossible: false,
    });
  });

  it('fills absent fields', () => {
    expect(normalisePosition({ stance: 'agree', noAmendmentPossible: true })).toEqual({
      stance: 'agree',
      reason: null,
      paragraphs: [],
      amendment: null,
      noAmendmentPossible: true,
    });
  });
});
