import {
  answerProblems,
  canCiteConsultation,
  canManageConsultation,
  canSeeConsultation,
  effectiveStatus,
  isReminderDue,
  matchesScope,
  normaliseAnswers,
  ownAffiliatesScope,
  questionProblems,
  scopeProblem,
  type QuestionDto,
} from './consultations';

const secretariat = { role: 'facilitator' as const, federationSlug: null };
const aleap = { role: 'representative' as const, federationSlug: 'aleap' as const };
const caips = { role: 'representative' as const, federationSlug: 'caips' as const };
const observer = { role: 'observer' as const, federationSlug: null };

describe('consultation visibility', () => {
  it('shows a Coupole consultation to every member, a federation’s to itself and the secretariat until shared', () => {
    expect(canSeeConsultation(caips, { federation: null, shared: false })).toBe(true);
    expect(canSeeConsultation(caips, { federation: 'aleap', shared: false })).toBe(false);
    expect(canSeeConsultation(aleap, { federation: 'aleap', shared: false })).toBe(true);
    expect(canSeeConsultation(secretariat, { federation: 'aleap', shared: false })).toBe(true);
    expect(canSeeConsultation(caips, { federation: 'aleap', shared: true })).toBe(true);
    expect(canSeeConsultation(observer, { federation: null, shared: true })).toBe(false);
  });

  it('lets the secretariat manage all, a federation its own, and cite its own or the Coupole’s', () => {
    expect(canManageConsultation(secretariat, { federation: 'caips' })).toBe(true);
    expect(canManageConsultation(aleap, { federation: 'aleap' })).toBe(true);
    expect(canManageConsultation(aleap, { federation: null })).toBe(false);
    expect(canManageConsultation(observer, { federation: null })).toBe(false);
    expect(canCiteConsultation('aleap', { federation: null })).toBe(true);
    expect(canCiteConsultation('aleap', { federation: 'aleap' })).toBe(true);
    expect(canCiteConsultation('aleap', { federation: 'codef' })).toBe(false);
  });
});

describe('scopes', () => {
  const namurAffiliate = { affiliation: 'federation' as const, federation: 'aleap' as const, province: 'namur' as const };
  it('matches each non-empty criterion', () => {
    expect(matchesScope({}, namurAffiliate)).toBe(true);
    expect(matchesScope({ affiliations: ['copili'] }, namurAffiliate)).toBe(false);
    expect(matchesScope({ federations: ['aleap'], provinces: ['namur'] }, namurAffiliate)).toBe(true);
    expect(matchesScope({ federations: ['aleap'] }, { ...namurAffiliate, affiliation: 'none', federation: null })).toBe(false);
    expect(matchesScope({ provinces: ['liege'] }, namurAffiliate)).toBe(false);
  });

  it('keeps a representative to its own affiliates', () => {
    expect(scopeProblem(secretariat, {})).toBeNull();
    expect(scopeProblem(aleap, ownAffiliatesScope('aleap', ['namur']))).toBeNull();
    expect(scopeProblem(aleap, ownAffiliatesScope('caips'))).toContain('scope');
    expect(scopeProblem(aleap, {})).toContain('scope');
    expect(scopeProblem(observer, {})).toContain('scope');
    expect(ownAffiliatesScope('fdss')).toEqual({ affiliations: ['federation'], federations: ['fdss'] });
  });
});

describe(questionProblems.name, () => {
  it('accepts a well-formed questionnaire', () => {
    expect(questionProblems([{ kind: 'single', label: 'Q', options: ['a', 'b'], required: true }, { kind: 'scale', label: 'S', required: false }])).toEqual([]);
  });

  it('names each problem by question', () => {
    expect(questionProblems([])).toEqual(['questions must contain at least one question']);
    expect(questionProblems(Array.from({ length: 51 }, () => ({ kind: 'text' as const, label: 'x', required: false })))).toEqual(['questions must contain at most 50 questions']);
    expect(
      questionProblems([
        { kind: 'multiple', label: ' ', options: ['a'], required: false },
        { kind: 'single', label: 'Q', options: ['a', 'a', ''], required: false },
        { kind: 'number', label: 'N', options: ['x'], required: false },
        { kind: 'single', label: 'Q', options: Array.from({ length: 21 }, (_, index) => `o${index}`), required: false },
      ]),
    ).toEqual([
      'questions.0.label must not be empty',
      'questions.0.options must hold at least two options',
      'questions.1.options must not be empty',
      'questions.1.options must be distinct',
      'questions.2.options are only for single and multiple questions',
      'questions.3.options must hold at most 20 options',
    ]);
  });
});

describe(answerProblems.name, () => {
  const questions: QuestionDto[] = [
    { id: 's', kind: 'single', label: 'S', options: ['oui', 'non'], required: true },
    { id: 'm', kind: 'multiple', label: 'M', options: ['a', 'b'], required: false },
    { id: 'c', kind: 'scale', label: 'C', required: false },
    { id: 'n', kind: 'number', label: 'N', required: false },
    { id: 't', kind: 'text', label: 'T', required: true },
  ];

  it('accepts valid answers and requires the required ones unless it is a draft', () => {
    const answers = [
      { questionId: 's', value: 'oui' },
      { questionId: 'm', value: ['a', 'b'] },
      { questionId: 'c', value: 5 },
      { questionId: 'n', value: -2.5 },
      { questionId: 't', value: 'Merci' },
    ];
    expect(answerProblems(questions, answers, false)).toEqual([]);
    expect(answerProblems(questions, [{ questionId: 'c', value: 2 }], true)).toEqual([]);
    expect(answerProblems(questions, [{ questionId: 't', value: '' }], false)).toEqual([
      { questionId: 's', message: 'réponse obligatoire' },
      { questionId: 't', message: 'réponse obligatoire' },
    ]);
  });

  it('names what is wrong with each value', () => {
    const problems = answerProblems(
      questions,
      [
        { questionId: 'x', value: 'a' },
        { questionId: 's', value: 'peut-être' },
        { questionId: 's', value: 'oui' },
        { questionId: 'm', value: ['a', 'a'] },
        { questionId: 'c', value: 6 },
        { questionId: 'n', value: 'douze' },
        { questionId: 't', value: 'x'.repeat(4001) },
      ],
      true,
    );
    expect(problems.map((problem) => `${problem.questionId}: ${problem.message}`)).toEqual([
      'x: question inconnue',
      's: choisissez une des réponses proposées',
      's: question répondue deux fois',
      'm: choisissez parmi les réponses proposées',
      'c: choisissez une note de 1 à 5',
      'n: indiquez un nombre',
      't: au plus 4000 caractères',
    ]);
    expect(answerProblems(questions, [{ questionId: 't', value: 3 }], true)).toEqual([{ questionId: 't', message: 'indiquez un texte' }]);
  });

  it('normalises answers into the questionnaire’s order, trimmed, empty ones dropped', () => {
    expect(
      normaliseAnswers(questions, [
        { questionId: 't', value: '  Merci ' },
        { questionId: 'm', value: [] },
        { questionId: 's', value: 'non' },
      ]),
    ).toEqual([
      { questionId: 's', value: 'non' },
      { questionId: 't', value: 'Merci' },
    ]);
  });
});

describe('deadlines', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('closes an open consultation at its deadline', () => {
    expect(effectiveStatus('open', '2026-12-01T12:00:00Z', now)).toBe('closed');
    expect(effectiveStatus('open', '2026-12-02T12:00:00Z', now)).toBe('open');
    expect(effectiveStatus('draft', '2026-11-01T12:00:00Z', now)).toBe('draft');
  });

  it('reminds within 48 hours of the deadline, never after it', () => {
    expect(isReminderDue('2026-12-03T12:00:00Z', now)).toBe(true);
    expect(isReminderDue('2026-12-03T12:00:01Z', now)).toBe(false);
    expect(isReminderDue('2026-12-01T12:00:00Z', now)).toBe(false);
  });
});
