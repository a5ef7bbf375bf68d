import type { QuestionDto, SeriesEditionDto } from './consultations';
import { computeResults, rateOf, seriesTrends, type InvitedIli } from './results';

const QUESTIONS: QuestionDto[] = [
  { id: 'q1', kind: 'single', label: 'Public principal', options: ['Adultes', 'Jeunes'], required: true },
  { id: 'q2', kind: 'multiple', label: 'Activités', options: ['FLE', 'Citoyenneté', 'Social'], required: false },
  { id: 'q3', kind: 'scale', label: 'Satisfaction', required: false },
  { id: 'q4', kind: 'number', label: 'Apprenants', required: false },
  { id: 'q5', kind: 'text', label: 'Remarques', required: false },
];

function ili(name: string, federation: InvitedIli['federation'], province: InvitedIli['province'], answers: InvitedIli['answers']): InvitedIli {
  return { name, affiliation: federation ? 'federation' : 'copili', federation, province, answers };
}

const INVITED: InvitedIli[] = [
  ili('A', 'aleap', 'namur', [
    { questionId: 'q1', value: 'Adultes' },
    { questionId: 'q2', value: ['FLE', 'Social'] },
    { questionId: 'q3', value: 4 },
    { questionId: 'q4', value: 30 },
    { questionId: 'q5', value: 'Zèbre' },
  ]),
  ili('B', 'aleap', 'namur', [
    { questionId: 'q1', value: 'Jeunes' },
    { questionId: 'q2', value: ['FLE'] },
    { questionId: 'q3', value: 5 },
    { questionId: 'q5', value: 'Abeille' },
  ]),
  ili('C', 'aleap', 'liege', [{ questionId: 'q1', value: 'Adultes' }, { questionId: 'q3', value: 3 }, { questionId: 'q4', value: 11 }]),
  ili('D', 'caips', 'liege', [{ questionId: 'q1', value: 'Adultes' }]),
  ili('E', 'caips', 'liege', null),
  ili('F', null, 'hainaut', null),
];

describe(computeResults.name, () => {
  it('counts the rate overall and per group, and aggregates each question', () => {
    const results = computeResults('c1', QUESTIONS, INVITED, false);
    expect(results).toMatchObject({ consultationId: 'c1', invited: 6, responded: 4, rate: 0.667, hidden: false });
    expect(results.byFederation).toEqual([
      { key: 'aleap', invited: 3, responded: 3, rate: 1 },
      { key: 'caips', invited: 2, responded: 1, rate: 0.5 },
    ]);
    expect(results.byAffiliation).toEqual([
      { key: 'federation', invited: 5, responded: 4, rate: 0.8 },
      { key: 'copili', invited: 1, responded: 0, rate: 0 },
    ]);
    expect(results.byProvince.map((group) => group.key)).toEqual(['hainaut', 'liege', 'namur']);
    const [single, multiple, scale, number, text] = results.questions;
    expect(single).toMatchObject({ answered: 4, counts: { Adultes: 3, Jeunes: 1 } });
    expect(multiple).toMatchObject({ answered: 2, counts: { FLE: 2, Citoyenneté: 0, Social: 1 } });
    expect(scale).toMatchObject({ answered: 3, counts: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 }, mean: 4 });
    expect(number).toMatchObject({ answered: 2, mean: 20.5 });
    expect(text.texts).toEqual([
      { text: 'Zèbre', ili: 'A' },
      { text: 'Abeille', ili: 'B' },
    ]);
  });

  it('in an anonymous consultation hides every group under three respondents and never names an ILI', () => {
    const results = computeResults('c1', QUESTIONS, INVITED, true);
    expect(results.responded).toBe(4);
    expect(results.byFederation).toEqual([
      { key: 'aleap', invited: 3, responded: 3, rate: 1 },
      { key: 'caips', invited: 0, responded: 0, rate: 0, hidden: true },
    ]);
    expect(results.byProvince.filter((group) => !group.hidden).map((group) => group.key)).toEqual([]);
    expect(results.questions[4].texts).toEqual([{ text: 'Abeille' }, { text: 'Zèbre' }]);
  });

  it('withholds a filter that leaves fewer than three respondents of an anonymous consultation', () => {
    const filtered = computeResults('c1', QUESTIONS, INVITED, true, { province: 'namur' });
    expect(filtered).toMatchObject({ hidden: true, invited: 0, responded: 0 });
    expect(filtered.questions.every((question) => question.answered === 0 && !question.counts && !question.texts)).toBe(true);

    const enough = computeResults('c1', QUESTIONS, INVITED, true, { federation: 'aleap' });
    expect(enough).toMatchObject({ hidden: false, invited: 3, responded: 3 });
    expect(computeResults('c1', QUESTIONS, INVITED, false, { province: 'namur' })).toMatchObject({ hidden: false, responded: 2 });
    expect(computeResults('c1', QUESTIONS, INVITED, false, { affiliation: 'copili' })).toMatchObject({ invited: 1, responded: 0, rate: 0 });
  });

  it('withholds per-question figures of an anonymous consultation with fewer than three answers', () => {
    const results = computeResults('c1', QUESTIONS, INVITED.slice(0, 2), true);
    expect(results).toMatchObject({ responded: 2, hidden: false });
    expect(results.questions[0]).toEqual({ id: 'q1', kind: 'single', label: 'Public principal', answered: 0 });
  });

  it('has no mean without numbers and a zero rate without invitations', () => {
    const results = computeResults('c1', QUESTIONS, [], false);
    expect(results).toMatchObject({ invited: 0, responded: 0, rate: 0 });
    expect(results.questions[2].mean).toBeUndefined();
    expect(results.questions[3].mean).toBeUndefined();
    expect(rateOf(1, 3)).toBe(0.333);
  });
});

describe(seriesTrends.name, () => {
  const edition = (consultationId: string, closesAt: string, mean: number): SeriesEditionDto => ({
    consultationId,
    title: consultationId,
    closesAt,
    status: 'closed',
    invited: 10,
    responded: 5,
    questions: [
      { id: `${consultationId}-s`, kind: 'scale', label: 'Satisfaction ', answered: 5, mean, counts: { 1: 0 } },
      { id: `${consultationId}-t`, kind: 'text', label: 'Remarques', answered: 2, texts: [] },
    ],
  });

  it('follows each question across editions, oldest first, matched by its label', () => {
    const trends = seriesTrends([edition('2025', '2025-06-30T00:00:00.000Z', 3.8), edition('2024', '2024-06-30T00:00:00.000Z', 3.1)]);
    expect(trends).toHaveLength(2);
    expect(trends[0]).toMatchObject({ kind: 'scale', points: [{ consultationId: '2024', mean: 3.1 }, { consultationId: '2025', mean: 3.8 }] });
    expect(trends[1].points.map((point) => point.mean)).toEqual([undefined, undefined]);
  });
});
