import type { AnswerFormDto, ConsultationDto, ConsultationResultsDto, DecisionDetailDto, SeriesDto } from '@coupole/shared';
import { DataSource } from 'typeorm';
import { eventually } from '../test/eventually';
import { demoSessions, type DemoAccount } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';
import { ANSWER_THROTTLE } from './answers.controller';
import { ConsultationsService } from './consultations.service';

const DAY = 24 * 3600 * 1000;
const QUESTIONS = [
  { kind: 'single', label: 'Votre public principal ?', options: ['Primo-arrivants', 'Résidents de longue date'], required: true },
  { kind: 'multiple', label: 'Vos activités', options: ['FLE', 'Citoyenneté', 'Emploi'], required: false },
  { kind: 'scale', label: 'Satisfaction du financement', required: true },
  { kind: 'number', label: 'Équivalents temps plein', required: false },
  { kind: 'text', label: 'Une remarque ?', required: false },
];

describe('Consultations (integration)', () => {
  let sut: TestApp;
  let db: DataSource;
  const { tokens, as, signIn } = demoSessions(() => sut);
  const answer = (token: string, body: object) => sut.http().put(`/api/answer/${token}`).send(body);
  /** The personal links e-mailed for a consultation, by recipient. */
  const links = async (title: string, subject = `Consultation : ${title}`): Promise<Map<string, string>> => {
    const rows = (await db.query(`SELECT "to_address" AS "to", "text" FROM "outbox" WHERE "subject" = $1`, [subject])) as Array<{ to: string; text: string }>;
    return new Map(rows.map((row) => [row.to, /\/repondre\/([A-Za-z0-9_-]{22})/.exec(row.text)![1]]));
  };
  const draft = (who: DemoAccount, body: object = {}) =>
    as(who).post('/api/consultations', { title: 'Besoins 2027', questions: QUESTIONS, scope: { affiliations: ['federation'], federations: [who] }, closesAt: new Date(Date.now() + 10 * DAY).toISOString(), ...body });
  const answers = (form: AnswerFormDto, values: unknown[]) => form.consultation.questions.map((question, index) => ({ questionId: question.id, value: values[index] ?? null }));

  beforeAll(async () => {
    sut = await startTestApp();
    db = sut.app.get(DataSource);
    await signIn(['admin', 'secretariat', 'aleap', 'caips', 'observer']);
  });

  afterAll(() => sut?.close());

  it('seeds an open ALEAP consultation with answers and a two-edition anonymous barometer', async () => {
    const list = (await as('caips').get('/api/consultations')).body as ConsultationDto[];
    expect(list.map((item) => item.title)).toEqual(expect.arrayContaining(['Baromètre des ILI — printemps 2026', 'Baromètre des ILI — automne 2026']));
    expect(list.map((item) => item.title)).not.toContain('Besoins en français langue étrangère 2026');
    const fle = ((await as('aleap').get('/api/consultations')).body as ConsultationDto[]).find((item) => item.title === 'Besoins en français langue étrangère 2026')!;
    expect(fle).toMatchObject({ status: 'open', federation: 'aleap' });
    expect(fle.responded).toBeGreaterThan(0);
    expect(fle.responded).toBeLessThan(fle.invited);

    const series = (await as('caips').get('/api/series/barometre-ili')).body as SeriesDto;
    expect(series.editions.map((edition) => edition.title)).toEqual(['Baromètre des ILI — printemps 2026', 'Baromètre des ILI — automne 2026']);
    const funding = series.trends.find((trend) => trend.label.startsWith('Votre financement'))!;
    expect(funding.points).toHaveLength(2);
    expect(funding.points[1].mean!).toBeLessThan(funding.points[0].mean!);
    const [autumn] = (await as('caips').get('/api/consultations')).body.filter((item: ConsultationDto) => item.title.includes('automne'));
    const results = (await as('caips').get(`/api/consultations/${autumn.id}/results`)).body as ConsultationResultsDto;
    expect(results.questions.find((question) => question.kind === 'text')!.texts!.every((text) => text.ili === undefined)).toBe(true);

    // The demo history: ALEAP's voice in a decided round rests on the spring barometer.
    const [{ id: roundId }] = (await db.query(`SELECT "id" FROM "rounds" WHERE "question" LIKE 'La version 2, qui intègre%'`)) as Array<{ id: string }>;
    const round = (await as('caips').get(`/api/rounds/${roundId}`)).body as { status: string; positions: Array<{ federation: string; evidence: Array<{ title: string; responded: number }> }> };
    expect(round.status).toBe('closed');
    expect(round.positions.find((position) => position.federation === 'aleap')!.evidence).toEqual([expect.objectContaining({ title: 'Baromètre des ILI — printemps 2026', responded: series.editions[0].responded })]);
    // Its decision records that evidence (record format 3), and the register still verifies.
    const [{ decision_seq: seq }] = (await db.query(`SELECT "decision_seq" FROM "rounds" WHERE "id" = $1`, [roundId])) as Array<{ decision_seq: string }>;
    const decision = (await as('caips').get(`/api/decisions/${seq}`)).body as DecisionDetailDto;
    expect(decision.recordVersion).toBe(3);
    const spring = series.editions[0];
    expect(decision.positions.find((position) => position.federation === 'aleap')!.evidence).toEqual([
      { consultationId: spring.consultationId, title: 'Baromètre des ILI — printemps 2026', invited: spring.invited, responded: spring.responded },
    ]);
    expect(decision.positions.find((position) => position.federation === 'codef')!.evidence).toEqual([]);
    expect((await as('caips').get('/api/decisions/verify')).body).toMatchObject({ valid: true });
  });

  it('lets a representative consult only its own affiliates, and shows how many a scope reaches', async () => {
    const own = await as('aleap').post('/api/consultations/scope-count', { scope: { affiliations: ['federation'], federations: ['aleap'] } });
    expect(own.status).toBe(200);
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM "ilis" WHERE "federation_slug" = 'aleap' AND "active"`)) as Array<{ count: number }>;
    expect(own.body).toEqual({ invited: count });
    const narrowed = await as('aleap').post('/api/consultations/scope-count', { scope: { affiliations: ['federation'], federations: ['aleap'], provinces: ['namur'] } });
    expect(narrowed.body.invited).toBeLessThan(count);

    expect((await as('aleap').post('/api/consultations/scope-count', { scope: { federations: ['caips'] } })).status).toBe(403);
    expect((await draft('aleap', { scope: { affiliations: ['copili'] } })).status).toBe(400);
    const everyone = await as('secretariat').post('/api/consultations/scope-count', { scope: {} });
    expect(everyone.body.invited).toBe(219);
    expect((await as('observer').post('/api/consultations/scope-count', { scope: {} })).status).toBe(403);
  });

  it('refuses bad input with a 400 naming each field', async () => {
    const response = await as('aleap').post('/api/consultations', {
      title: ' ',
      questions: [{ kind: 'essay', label: 'x', required: 'yes' }],
      scope: { provinces: ['flandre'] },
      closesAt: 'demain',
      series: 'Baromètre ILI',
    });
    expect(response.status).toBe(400);
    const fields = (response.body.fields as Array<{ field: string }>).map((field) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'questions.0.kind', 'questions.0.required', 'scope.provinces', 'closesAt', 'series']));

    const rules = await draft('aleap', { questions: [{ kind: 'single', label: 'Un seul choix', options: ['A'], required: true }], closesAt: new Date(Date.now() - DAY).toISOString() });
    expect(rules.status).toBe(400);
    expect(rules.body.message).toEqual(expect.arrayContaining(['questions.0.options must hold at least two options', 'closesAt must be in the future']));
  });

  it('keeps a federation’s consultation to itself and the secretariat until it is shared', async () => {
    const created = await draft('aleap', { title: 'Visibilité' });
    expect(created.status).toBe(201);
    const id = (created.body as ConsultationDto).id;
    expect(created.body).toMatchObject({ federation: 'aleap', status: 'draft', invited: 0, responded: 0, shared: false });

    expect((await as('caips').get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await as('secretariat').get(`/api/consultations/${id}`)).status).toBe(200);
    expect((await as('observer').get(`/api/consultations/${id}`)).status).toBe(403);
    expect((await as('caips').post(`/api/consultations/${id}/launch`)).status).toBe(404);

    const launched = await as('aleap').post(`/api/consultations/${id}/launch`);
    expect(launched.status).toBe(200);
    expect((await as('caips').get('/api/consultations')).body.map((item: ConsultationDto) => item.id)).not.toContain(id);
    expect((await as('caips').get(`/api/consultations/${id}/results`)).status).toBe(404);

    expect((await as('caips').post(`/api/consultations/${id}/share`)).status).toBe(404);
    expect((await as('aleap').post(`/api/consultations/${id}/share`)).body.shared).toBe(true);
    expect((await as('caips').get(`/api/consultations/${id}/results`)).status).toBe(200);
    expect((await as('caips').post(`/api/consultations/${id}/close`)).status).toBe(403);

    // A Coupole consultation is the secretariat's, visible to every member once launched.
    const coupole = await as('secretariat').post('/api/consultations', { title: 'Coupole', questions: QUESTIONS, scope: { provinces: ['luxembourg'] }, closesAt: new Date(Date.now() + 5 * DAY).toISOString() });
    expect(coupole.body.federation).toBeNull();
    expect((await as('caips').get(`/api/consultations/${coupole.body.id}`)).status).toBe(404);
    await as('secretariat').post(`/api/consultations/${coupole.body.id}/launch`);
    expect((await as('caips').get(`/api/consultations/${coupole.body.id}`)).status).toBe(200);
  });

  it('launches once: one hashed token per ILI in scope, e-mailed; questions frozen after (409)', async () => {
    const created = await draft('aleap', { title: 'Lancement', scope: { affiliations: ['federation'], federations: ['aleap'], provinces: ['liege', 'namur'] } });
    const id = created.body.id as string;
    const edited = await as('aleap').patch(`/api/consultations/${id}`, { questions: [...QUESTIONS].reverse().map((question, index) => ({ ...question, id: created.body.questions[4 - index].id })) });
    expect(edited.status).toBe(200);
    expect(edited.body.questions[0].label).toBe('Une remarque ?');

    const launch = await as('aleap').post(`/api/consultations/${id}/launch`);
    expect(launch.status).toBe(200);
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM "ilis" WHERE "federation_slug" = 'aleap' AND "active" AND "province" IN ('liege', 'namur')`)) as Array<{ count: number }>;
    expect(launch.body).toEqual({ invited: count, emailed: count });
    expect((await as('aleap').post(`/api/consultations/${id}/launch`)).status).toBe(409);

    const mailed = await links('Lancement');
    expect(mailed.size).toBe(count);
    const stored = (await db.query(`SELECT "token_hash" FROM "consultation_invitations" WHERE "consultation_id" = $1`, [id])) as Array<{ token_hash: string }>;
    expect(stored).toHaveLength(count);
    const plain = new Set(mailed.values());
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash) && !plain.has(row.token_hash))).toBe(true);

    const frozen = await as('aleap').patch(`/api/consultations/${id}`, { questions: QUESTIONS });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('consultation_launched');
    expect((await as('aleap').patch(`/api/consultations/${id}`, { title: 'Lancement (titre corrigé)' })).status).toBe(200);
  });

  it('takes answers through the link without an account: drafts, submission, replacement, validation naming questions', async () => {
    const id = (await draft('caips', { title: 'Réponses' })).body.id as string;
    await as('caips').post(`/api/consultations/${id}/launch`);
    const [token] = [...(await links('Réponses')).values()];

    const form = await sut.http().get(`/api/answer/${token}`);
    expect(form.status).toBe(200);
    const body = form.body as AnswerFormDto;
    expect(body).toMatchObject({ status: 'open', answers: [], submittedAt: null, consultation: { title: 'Réponses', askedBy: 'La fédération CAIPS' } });

    const saved = await answer(token, { draft: true, answers: answers(body, ['Primo-arrivants']) });
    expect(saved.status).toBe(200);
    expect(saved.body.draftSavedAt).not.toBeNull();
    expect((await sut.http().get(`/api/answer/${token}`)).body.answers).toEqual([{ questionId: body.consultation.questions[0].id, value: 'Primo-arrivants' }]);

    const missing = await answer(token, { answers: answers(body, ['Primo-arrivants', ['FLE'], 7]) });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('answer_invalid');
    expect(missing.body.fields.map((field: { field: string }) => field.field)).toEqual([`answers.${body.consultation.questions[2].id}`]);

    const malformed = await answer(token, { answers: [{ questionId: 'x', value: { a: 1 } }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.map((field: { field: string }) => field.field)).toContain('answers.0.value');

    const submitted = await answer(token, { answers: answers(body, ['Primo-arrivants', ['FLE', 'Emploi'], 4, 2.5, '  Merci  ']) });
    expect(submitted.status).toBe(200);
    expect(submitted.body.submittedAt).not.toBeNull();
    const again = await answer(token, { answers: answers(body, ['Résidents de longue date', [], 2]) });
    expect(again.status).toBe(200);

    const results = (await as('caips').get(`/api/consultations/${id}/results`)).body as ConsultationResultsDto;
    expect(results.responded).toBe(1);
    expect(results.questions[0].counts).toEqual({ 'Primo-arrivants': 0, 'Résidents de longue date': 1 });
    expect(results.questions[2].mean).toBe(2);

    expect((await sut.http().get('/api/answer/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await sut.http().get('/api/answer/not-a-token')).status).toBe(404);
  });

  it('applies concurrent answers from one link one at a time, each whole', async () => {
    const own = (await draft('aleap', { title: 'Concurrence', anonymous: false })).body.id as string;
    await as('aleap').post(`/api/consultations/${own}/launch`);
    const [token] = [...(await links('Concurrence')).values()];
    const form = (await sut.http().get(`/api/answer/${token}`)).body as AnswerFormDto;
    const variants = [1, 2, 3, 4, 5].map((point) => answers(form, [point % 2 ? 'Primo-arrivants' : 'Résidents de longue date', null, point, point * 10, `texte ${point}`]));
    const responses = await Promise.all(variants.map((variant) => answer(token, { answers: variant })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);

    const [row] = (await db.query(`SELECT "answers" FROM "consultation_invitations" WHERE "consultation_id" = $1 AND "submitted_at" IS NOT NULL`, [own])) as Array<{ answers: unknown }>;
    // Stored as normalised: unanswered questions left out.
    expect(variants.map((variant) => variant.filter((item) => item.value !== null))).toContainEqual(row.answers);
    expect((await as('aleap').get(`/api/consultations/${own}`)).body.responded).toBe(1);
  });

  it('revokes one ILI’s link at once', async () => {
    const id = (await draft('aleap', { title: 'Révocation' })).body.id as string;
    await as('aleap').post(`/api/consultations/${id}/launch`);
    const invitations = (await as('aleap').get(`/api/consultations/${id}/invitations`)).body as Array<{ iliId: string; revoked: boolean }>;
    const [{ email, id: iliId }] = (await db.query(`SELECT "email", "id" FROM "ilis" WHERE "id" = $1`, [invitations[0].iliId])) as Array<{ email: string; id: string }>;
    const token = (await links('Révocation')).get(email)!;
    expect((await sut.http().get(`/api/answer/${token}`)).status).toBe(200);

    expect((await as('caips').post(`/api/consultations/${id}/invitations/${iliId}/revoke`)).status).toBe(404);
    expect((await as('aleap').post(`/api/consultations/${id}/invitations/${iliId}/revoke`)).status).toBe(204);
    expect((await sut.http().get(`/api/answer/${token}`)).status).toBe(404);
    const after = (await as('aleap').get(`/api/consultations/${id}`)).body as ConsultationDto;
    expect(after.invited).toBe(invitations.length - 1);
  });

  it('reminds non-answerers 48 h before the deadline exactly once, even with sweeps at once, and closes at the deadline', async () => {
    const closesAt = new Date(Date.now() + 5 * DAY);
    const id = (await draft('aleap', { title: 'Rappels', closesAt: closesAt.toISOString() })).body.id as string;
    await as('aleap').post(`/api/consultations/${id}/launch`);
    const mailed = await links('Rappels');
    const [first] = [...mailed.values()];
    const form = (await sut.http().get(`/api/answer/${first}`)).body as AnswerFormDto;
    expect((await answer(first, { answers: answers(form, ['Primo-arrivants', null, 3]) })).status).toBe(200);

    const service = sut.app.get(ConsultationsService);
    const dayBefore = new Date(closesAt.getTime() - DAY);
    await Promise.all([service.sweep(dayBefore), service.sweep(dayBefore), service.sweep(dayBefore)]);
    await service.sweep(new Date(dayBefore.getTime() + 3600 * 1000));
    const reminders = await links('Rappels', 'Rappel — consultation : Rappels');
    expect(reminders.size).toBe(mailed.size - 1);
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM "outbox" WHERE "subject" = 'Rappel — consultation : Rappels'`)) as Array<{ count: number }>;
    expect(count).toBe(mailed.size - 1);
    // The reminder repeats the invitation's link.
    const [someone] = [...reminders.keys()];
    expect(reminders.get(someone)).toBe(mailed.get(someone));

    await service.sweep(new Date(closesAt.getTime() + 1000));
    const closed = await answer(first, { answers: answers(form, ['Primo-arrivants', null, 3]) });
    expect(closed.status).toBe(410);
    expect(closed.body.code).toBe('consultation_closed');
    expect((await sut.http().get(`/api/answer/${first}`)).body.status).toBe('closed');
    expect((await as('aleap').get(`/api/consultations/${id}`)).body.status).toBe('closed');
  });

  it('never shows a group under 3 respondents of an anonymous consultation, and its export names no ILI', async () => {
    const id = (await draft('aleap', { title: 'Anonyme', anonymous: true })).body.id as string;
    await as('aleap').post(`/api/consultations/${id}/launch`);
    const mailed = [...(await links('Anonyme')).values()];
    const submit = async (token: string, point: number) => {
      const form = (await sut.http().get(`/api/answer/${token}`)).body as AnswerFormDto;
      expect((await answer(token, { answers: answers(form, ['Primo-arrivants', null, point, null, `avis ${point}`]) })).status).toBe(200);
    };
    await submit(mailed[0], 5);
    await submit(mailed[1], 4);
    let results = (await as('aleap').get(`/api/consultations/${id}/results`)).body as ConsultationResultsDto;
    expect(results.responded).toBe(2);
    expect(results.questions[2].mean).toBeUndefined();
    expect(results.byProvince.every((group) => group.hidden || group.responded >= 3)).toBe(true);
    expect((await as('aleap').get(`/api/consultations/${id}/results`).query({ province: 'namur' })).body.hidden).toBe(true);

    await submit(mailed[2], 3);
    results = (await as('aleap').get(`/api/consultations/${id}/results`)).body as ConsultationResultsDto;
    expect(results.questions[2].mean).toBe(4);
    expect(results.questions[4].texts).toEqual([{ text: 'avis 3' }, { text: 'avis 4' }, { text: 'avis 5' }]);
    expect([...results.byFederation, ...results.byProvince].every((group) => group.hidden || group.responded >= 3)).toBe(true);

    const names = (await db.query(`SELECT "name" FROM "ilis" WHERE "federation_slug" = 'aleap'`)) as Array<{ name: string }>;
    const csv = await as('aleap').get(`/api/consultations/${id}/results/export`).query({ format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Satisfaction du financement');
    expect(names.some((ili) => csv.text.includes(ili.name))).toBe(false);
    expect((await as('observer').get(`/api/consultations/${id}/results/export`)).status).toBe(403);
  });

  it('names the ILI in a named consultation’s export', async () => {
    const id = (await draft('caips', { title: 'Nominative' })).body.id as string;
    await as('caips').post(`/api/consultations/${id}/launch`);
    const [[email, token]] = [...(await links('Nominative')).entries()];
    const form = (await sut.http().get(`/api/answer/${token}`)).body as AnswerFormDto;
    await answer(token, { answers: answers(form, ['Primo-arrivants', null, 4]) });
    const [{ name }] = (await db.query(`SELECT "name" FROM "ilis" WHERE "email" = $1`, [email])) as Array<{ name: string }>;
    const csv = await as('caips').get(`/api/consultations/${id}/results/export`).query({ format: 'csv' });
    expect(csv.text).toContain(name);
  });

  it('shows a series’ trend across editions', async () => {
    for (const [title, point] of [['Baromètre 1', 2], ['Baromètre 2', 4]] as const) {
      const id = (await draft('aleap', { title, series: 'barometre-test', closesAt: new Date(Date.now() + (point + 1) * DAY).toISOString() })).body.id as string;
      await as('aleap').post(`/api/consultations/${id}/launch`);
      const [token] = [...(await links(title)).values()];
      const form = (await sut.http().get(`/api/answer/${token}`)).body as AnswerFormDto;
      await answer(token, { answers: answers(form, ['Primo-arrivants', null, point]) });
    }
    const series = (await as('aleap').get('/api/series/barometre-test')).body as SeriesDto;
    expect(series.editions.map((edition) => edition.title)).toEqual(['Baromètre 1', 'Baromètre 2']);
    const scale = series.trends.find((trend) => trend.kind === 'scale')!;
    expect(scale.points.map((point) => point.mean)).toEqual([2, 4]);
    expect((await as('caips').get('/api/series/barometre-test')).status).toBe(404);
    expect((await as('aleap').get('/api/series/Pas%20un%20slug')).status).toBe(400);
  });

  it('lets a position cite its federation’s launched consultation, shows it in the round and shares it', async () => {
    const own = (await draft('aleap', { title: 'Preuve ALEAP' })).body.id as string;
    const unlaunched = (await draft('aleap', { title: 'Brouillon ALEAP' })).body.id as string;
    const caipsOwn = (await draft('caips', { title: 'Preuve CAIPS' })).body.id as string;
    await as('aleap').post(`/api/consultations/${own}/launch`);
    await as('caips').post(`/api/consultations/${caipsOwn}/launch`);
    const [token] = [...(await links('Preuve ALEAP')).values()];
    const form = (await sut.http().get(`/api/answer/${token}`)).body as AnswerFormDto;
    await answer(token, { answers: answers(form, ['Primo-arrivants', null, 4]) });
    expect((await as('caips').get(`/api/consultations/${own}`)).status).toBe(404);

    const document = await as('secretariat').post('/api/documents', { title: 'Note FLE', kind: 'note_politique', markdown: '# Note\n\nLes ILI demandent des moyens stables.\n' });
    const version = await as('secretariat').post(`/api/documents/${document.body.id}/versions`, { label: 'v1' });
    const round = await as('secretariat').post(`/api/documents/${document.body.id}/rounds`, { version: version.body.number, question: 'Adoptons-nous cette note ?', closesAt: new Date(Date.now() + 3600 * 1000).toISOString() });
    expect(round.status).toBe(201);
    const cast = (body: object) => sut.http().put(`/api/rounds/${round.body.id}/position`).set('Authorization', `Bearer ${tokens.aleap}`).send({ stance: 'agree', ...body });

    const refused = await cast({ evidence: [caipsOwn, unlaunched, '00000000-0000-4000-8000-000000000000'] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toHaveLength(3);
    expect(refused.body.message.every((message: string) => message.startsWith('evidence'))).toBe(true);
    expect((await cast({ evidence: ['pas-un-id'] })).status).toBe(400);

    const cited = await cast({ evidence: [own] });
    expect(cited.status).toBe(200);
    const invited = (await as('aleap').get(`/api/consultations/${own}`)).body.invited as number;
    expect(cited.body.position.evidence).toEqual([{ consultationId: own, title: 'Preuve ALEAP', invited, responded: 1 }]);
    const detail = (await as('caips').get(`/api/rounds/${round.body.id}`)).body as { positions: Array<{ federation: string; evidence: unknown[] }> };
    expect(detail.positions.find((position) => position.federation === 'aleap')!.evidence).toEqual([{ consultationId: own, title: 'Preuve ALEAP', invited, responded: 1 }]);
    // Citing shared it: CAIPS now reads its results.
    await eventually(async () => expect((await as('caips').get(`/api/consultations/${own}/results`)).status).toBe(200));

    // Adopted: the decision record and its exported annex freeze the figures at closing.
    await sut.http().put(`/api/rounds/${round.body.id}/position`).set('Authorization', `Bearer ${tokens.caips}`).send({ stance: 'agree' });
    for (const email of ['codef@demo.coupole.be', 'fdss@demo.coupole.be', 'risome@demo.coupole.be']) {
      const { accessToken } = await sut.login(email);
      expect((await sut.http().put(`/api/rounds/${round.body.id}/position`).set('Authorization', `Bearer ${accessToken}`).send({ stance: 'agree' })).status).toBe(200);
    }
    const closed = await as('secretariat').post(`/api/rounds/${round.body.id}/close`);
    expect(closed.status).toBe(200);
    const seq = Number(((await db.query(`SELECT "decision_seq" FROM "rounds" WHERE "id" = $1`, [round.body.id])) as Array<{ decision_seq: string }>)[0].decision_seq);
    const frozen = [{ consultationId: own, title: 'Preuve ALEAP', invited, responded: 1 }];
    const exported = async () => (await as('aleap').get(`/api/documents/${document.body.id}/export?format=md`)).text;
    expect(((await as('caips').get(`/api/decisions/${seq}`)).body as DecisionDetailDto).positions.find((position) => position.federation === 'aleap')!.evidence).toEqual(frozen);
    expect(await exported()).toContain(`Fondée sur : « Preuve ALEAP » — 1 ILI sur ${invited} a répondu.`);

    const [, second] = [...(await links('Preuve ALEAP')).values()];
    expect((await answer(second, { answers: answers((await sut.http().get(`/api/answer/${second}`)).body as AnswerFormDto, ['Résidents de longue date', null, 2]) })).status).toBe(200);
    const after = (await as('caips').get(`/api/rounds/${round.body.id}`)).body as { positions: Array<{ federation: string; evidence: Array<{ responded: number }> }> };
    expect(after.positions.find((position) => position.federation === 'aleap')!.evidence[0].responded).toBe(2);
    expect(((await as('caips').get(`/api/decisions/${seq}`)).body as DecisionDetailDto).positions.find((position) => position.federation === 'aleap')!.evidence).toEqual(frozen);
    expect(await exported()).toContain(`Fondée sur : « Preuve ALEAP » — 1 ILI sur ${invited} a répondu.`);
    expect((await as('caips').get('/api/decisions/verify')).body).toMatchObject({ valid: true });
  });

  it('rate-limits the public answer routes per address', async () => {
    let status = 200;
    for (let attempt = 0; attempt <= ANSWER_THROTTLE.limit && status !== 429; attempt++) status = (await sut.http().get('/api/answer/AAAAAAAAAAAAAAAAAAAAAB')).status;
    expect(status).toBe(429);
  });
});
