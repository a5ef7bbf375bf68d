import type { DecisionDto, HomeDto, RoundDetailDto, TimelineEventDto } from '@coupole/shared';
import { DataSource } from 'typeorm';
import { demoSessions, type DemoAccount } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('home page and round follow-up (integration)', () => {
  let sut: TestApp;
  let dataSource: DataSource;
  const { as, signIn } = demoSessions(() => sut);
  const home = async (who: DemoAccount) => {
    const response = await as(who).get('/api/home');
    expect(response.status).toBe(200);
    return response.body as HomeDto;
  };

  async function openRound(title: string, closesAt: string): Promise<RoundDetailDto> {
    const created = await as('secretariat').post('/api/documents', { title, kind: 'note_politique', markdown: '# Objet\n\nTexte proposé.\n' });
    await as('secretariat').post(`/api/documents/${created.body.id}/versions`, { label: 'v1' });
    const opened = await as('secretariat').post(`/api/documents/${created.body.id}/rounds`, {
      version: 1,
      question: `Adoptons-nous « ${title} » ?`,
      closesAt,
    });
    expect(opened.status).toBe(201);
    return opened.body as RoundDetailDto;
  }

  beforeAll(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get(DataSource);
    await signIn(['secretariat', 'aleap', 'caips', 'codef', 'fdss', 'risome', 'observer']);
  });
  afterAll(() => sut?.close());

  it("lists the rounds waiting for the caller's federation, most urgent first, until it answers", async () => {
    const later = await openRound('Note à échéance lointaine', inHours(72));
    const sooner = await openRound('Note urgente', inHours(3));

    const before = (await home('caips')).awaitingMyFederation.map((round) => round.roundId);
    expect(before.indexOf(sooner.id)).toBeGreaterThanOrEqual(0);
    expect(before.indexOf(sooner.id)).toBeLessThan(before.indexOf(later.id));

    expect((await as('caips').put(`/api/rounds/${sooner.id}/position`, { stance: 'agree' })).status).toBe(200);
    const after = await home('caips');
    expect(after.awaitingMyFederation.map((round) => round.roundId)).not.toContain(sooner.id);
    expect((await home('aleap')).awaitingMyFederation.map((round) => round.roundId)).toContain(sooner.id);
    // Only representatives have a federation's answer to give.
    expect((await home('secretariat')).awaitingMyFederation).toEqual([]);
    expect((await home('aleap')).followUp).toBeNull();
  });

  it('lists unresolved threads that name me or my federation, and threads nobody answered', async () => {
    const created = await as('secretariat').post('/api/documents', { title: 'Note commentée', kind: 'analyse', markdown: 'Texte.\n' });
    const mention = await as('secretariat').post(`/api/documents/${created.body.id}/comments`, { body: 'Un avis de @codef sur ce point ?' });
    expect(mention.status).toBe(201);
    const codef = await home('codef');
    expect(codef.mentions.map((thread) => thread.commentId)).toContain(mention.body.id);
    expect(codef.mentions.find((thread) => thread.commentId === mention.body.id)).toMatchObject({ documentTitle: 'Note commentée' });
    expect(codef.unansweredThreads.map((thread) => thread.commentId)).toContain(mention.body.id);
    // Not to its author, and no longer once answered.
    expect((await home('secretariat')).unansweredThreads.map((thread) => thread.commentId)).not.toContain(mention.body.id);
    await as('codef').post(`/api/comments/${mention.body.id}/replies`, { body: 'Oui, nous regardons.' });
    expect((await home('fdss')).unansweredThreads.map((thread) => thread.commentId)).not.toContain(mention.body.id);
    // Observers see nothing of documents they are not invited to.
    expect((await home('observer')).mentions.map((thread) => thread.documentId)).not.toContain(created.body.id);
  });

  it('reminds a federation once per 12 hours however many times "Relancer" is pressed at once', async () => {
    const round = await openRound('Note à relancer', inHours(48));
    const outboxBefore = await remindersInOutbox('Note à relancer');
    const answers = await Promise.all([1, 2, 3, 4].map(() => as('secretariat').post(`/api/rounds/${round.id}/reminders`, { federation: 'risome' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429, 429, 429]);
    expect(await remindersInOutbox('Note à relancer')).toBe(outboxBefore + 1);
    const [mail] = (await dataSource.query(
      `SELECT "to_address", "text" FROM "outbox" WHERE "subject" LIKE 'Relance :%' AND "subject" LIKE '%Note à relancer%'`,
    )) as { to_address: string; text: string }[];
    expect(mail.to_address).toBe('risome@demo.coupole.be');
    expect(mail.text).toContain('Risome n’a pas encore répondu');

    const followUp = (await home('secretariat')).followUp!.find((entry) => entry.roundId === round.id)!;
    expect(followUp.missing.map((entry) => entry.federation)).toEqual(['aleap', 'caips', 'codef', 'fdss', 'risome']);
    expect(followUp.missing.find((entry) => entry.federation === 'risome')!.nextReminderAt).not.toBeNull();
    expect(followUp.missing.find((entry) => entry.federation === 'aleap')!.nextReminderAt).toBeNull();

    // Twelve hours later the next reminder may go.
    await dataSource.query(`UPDATE "federation_reminders" SET "sent_at" = "sent_at" - interval '12 hours' WHERE "round_id" = $1`, [round.id]);
    expect((await as('secretariat').post(`/api/rounds/${round.id}/reminders`, { federation: 'risome' })).status).toBe(200);
    expect(await remindersInOutbox('Note à relancer')).toBe(outboxBefore + 2);

    await as('risome').put(`/api/rounds/${round.id}/position`, { stance: 'agree' });
    expect((await as('secretariat').post(`/api/rounds/${round.id}/reminders`, { federation: 'risome' })).status).toBe(409);
    expect((await as('aleap').post(`/api/rounds/${round.id}/reminders`, { federation: 'caips' })).status).toBe(403);
    expect((await as('secretariat').post(`/api/rounds/${round.id}/reminders`, { federation: 'nope' })).status).toBe(400);
  });

  it('extends a deadline: in the round, its timeline, every federation told, and the decision record', async () => {
    const round = await openRound('Note prolongée', inHours(24));
    const closesAt = inHours(96);
    const refused = await as('secretariat').post(`/api/rounds/${round.id}/deadline`, { closesAt: inHours(1) });
    expect(refused.status).toBe(400);
    const extended = await as('secretariat').post(`/api/rounds/${round.id}/deadline`, { closesAt, reason: 'Assemblées générales en cours' });
    expect(extended.status).toBe(200);
    expect((extended.body as RoundDetailDto).closesAt).toBe(closesAt);
    expect((extended.body as RoundDetailDto).deadlineExtensions).toMatchObject([{ closesAt, reason: 'Assemblées générales en cours' }]);

    const timeline = (await as('aleap').get(`/api/documents/${round.documentId}/timeline`)).body.items as TimelineEventDto[];
    expect(timeline.find((event) => event.type === 'round.deadline_extended')).toMatchObject({ payload: { closesAt } });
    await waitFor(async () => {
      const rows = (await dataSource.query(
        `SELECT DISTINCT u."federation_slug" FROM "notifications" n JOIN "users" u ON u."id" = n."user_id"
          WHERE n."kind" = 'round.deadline_extended' AND n."round_id" = $1 AND u."role" = 'representative'`,
        [round.id],
      )) as { federation_slug: string }[];
      return rows.length === 5;
    });

    const closed = await as('secretariat').post(`/api/rounds/${round.id}/close`, {});
    expect(closed.status).toBe(200);
    const decision = (await as('aleap').get(`/api/decisions/${(closed.body as RoundDetailDto).decisionSeq}`)).body as DecisionDto;
    expect(decision.deadlineExtensions).toMatchObject([{ closesAt, reason: 'Assemblées générales en cours' }]);
    expect((await as('aleap').get('/api/decisions/verify')).body).toMatchObject({ valid: true });
    expect((await home('secretariat')).closedRounds.map((entry) => entry.roundId)).toContain(round.id);
  });

  async function remindersInOutbox(title: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [{ count }] = (await dataSource.query(
      `SELECT count(*)::int AS count FROM "outbox" WHERE "subject" LIKE 'Relance :%' AND "subject" LIKE $1`,
      [`%${title}%`],
    )) as { count: number }[];
    return count;
  }
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
