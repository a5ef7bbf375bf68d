import type { ListResponse, LoginResponse, NotificationDto, NotificationEvent, OutboxMailDto } from '@coupole/shared';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { brusselsDateTime } from '../decisions/decision-text';
import { DEMO_MEMBER_EMAILS } from '../test/demo-sessions';
import { notifiedEmails } from '../test/notified-emails';
import { startTestApp, TestApp } from '../test/test-app';
import { NotificationsService } from './notifications.service';

const PUBLIC_URL = 'https://coupole.example.be';
const HOUR = 60 * 60 * 1000;

describe('notifications and mail outbox (integration)', () => {
  let sut: TestApp;
  let service: NotificationsService;
  let dataSource: DataSource;
  const logins = {} as Record<'admin' | 'facilitator' | 'aleap' | 'caips' | 'codef' | 'observer', LoginResponse>;
  let documentId: string;
  let roundId: string;
  let closesAt: string;
  const bearer = (login: LoginResponse) => ({ Authorization: `Bearer ${login.accessToken}` });
  const countOf = async (kind: string) =>
    ((await dataSource.query(`SELECT count(*)::int AS "count" FROM "notifications" WHERE "kind" = $1 AND "document_id" = $2`, [kind, documentId])) as { count: number }[])[0].count;
  const recipientsOf = (kind: string) => notifiedEmails(dataSource, kind, { documentId });
  const listOf = async (login: LoginResponse) => {
    const response = await sut.http().get('/api/notifications').set(bearer(login));
    expect(response.status).toBe(200);
    return response.body as ListResponse<NotificationDto> & { unread: number };
  };

  beforeAll(async () => {
    sut = await startTestApp({ PUBLIC_URL });
    service = sut.app.get(NotificationsService);
    dataSource = sut.app.get(DataSource);
    const emails = {
      admin: 'admin@demo.coupole.be',
      facilitator: 'secretariat@demo.coupole.be',
      aleap: 'aleap@demo.coupole.be',
      caips: 'caips-suppleant@demo.coupole.be',
      codef: 'codef@demo.coupole.be',
      observer: 'observateur@demo.coupole.be',
    } as const;
    for (const [key, email] of Object.entries(emails)) logins[key as keyof typeof logins] = await sut.login(email);

    const created = await sut
      .http()
      .post('/api/documents')
      .set(bearer(logins.facilitator))
      .send({ title: 'Mémorandum régional 2026', kind: 'memorandum', markdown: 'Les ILI demandent un financement pluriannuel.' });
    expect(created.status).toBe(201);
    documentId = created.body.id;
    expect((await sut.http().post(`/api/documents/${documentId}/versions`).set(bearer(logins.facilitator)).send({})).status).toBe(201);

    closesAt = new Date(Date.now() + 12 * HOUR).toISOString();
    const opened = await sut
      .http()
      .post(`/api/documents/${documentId}/rounds`)
      .set(bearer(logins.facilitator))
      .send({ version: 1, question: 'Adoptons-nous le mémorandum ?', closesAt, rule: 'consensus' });
    expect(opened.status).toBe(201);
    roundId = opened.body.id;
  });

  afterAll(() => sut?.close());

  it('announces an opened round to every representative and the secretariat, not to admins or observers', async () => {
    expect(await recipientsOf('round.opened')).toEqual(DEMO_MEMBER_EMAILS);
  });

  it("lists only the caller's own notifications, with the document title and round", async () => {
    const body = await listOf(logins.aleap);

    expect(body).toMatchObject({ total: 1, unread: 1 });
    expect(body.items[0]).toMatchObject({
      kind: 'round.opened',
      title: 'Tour de consensus n° 1 ouvert : « Mémorandum régional 2026 »',
      documentId,
      roundId,
      readAt: null,
      link: `/documents/${documentId}`,
    });
    expect(await listOf(logins.observer)).toEqual({ items: [], total: 0, unread: 0 });
  });

  describe('outbox (no SMTP_URL)', () => {
    it('keeps a French mail per recipient with the title, the Brussels deadline and a link', async () => {
      const response = await sut.http().get('/api/admin/outbox').set(bearer(logins.admin));

      expect(response.status).toBe(200);
      const mail = (response.body as ListResponse<OutboxMailDto>).items.find((item) => item.to === 'codef@demo.coupole.be');
      expect(mail).toBeDefined();
      expect(mail!.subject).toBe('Tour de consensus n° 1 ouvert : « Mémorandum régional 2026 »');
      expect(mail!.text).toContain('Bonjour Catherine Dubois,');
      expect(mail!.text).toContain(`Échéance : ${brusselsDateTime(closesAt)} (heure de Bruxelles).`);
      expect(mail!.text).toContain(`Ouvrir dans Coupole : ${PUBLIC_URL}/documents/${documentId}`);
    });

    it('reads by pages, newest first, and names a bad page size', async () => {
      const all = (await sut.http().get('/api/admin/outbox').set(bearer(logins.admin))).body as ListResponse<OutboxMailDto>;
      expect(all.total).toBeGreaterThan(2);
      const times = all.items.map((item) => Date.parse(item.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const second = (await sut.http().get('/api/admin/outbox?limit=1&offset=1').set(bearer(logins.admin))).body as ListResponse<OutboxMailDto>;
      expect(second).toEqual({ items: [all.items[1]], total: all.total });
      const refused = await sut.http().get('/api/admin/outbox?limit=0').set(bearer(logins.admin));
      expect(refused.status).toBe(400);
      expect(refused.body.message).toEqual(['limit must not be less than 1']);
    });

    it.each(['facilitator', 'aleap', 'observer'] as const)('is refused to the %s (403)', async (who) => {
      expect((await sut.http().get('/api/admin/outbox').set(bearer(logins[who]))).status).toBe(403);
    });
  });

  describe('reminders 24 h before the deadline', () => {
    it('are not sent earlier than 24 h before the deadline', async () => {
      const reminded = await service.remindMissing(
        { id: roundId, documentId, number: 1, question: 'Q ?', closesAt, missing: ['codef'] },
        new Date(Date.parse(closesAt) - 25 * HOUR),
      );

      expect(reminded).toEqual([]);
      expect(await countOf('round.reminder')).toBe(0);
    });

    it('remind each federation that has not answered exactly once, even with concurrent sweeps', async () => {
      for (const who of ['aleap', 'caips'] as const) {
        const cast = await sut.http().put(`/api/rounds/${roundId}/position`).set(bearer(logins[who])).send({ stance: 'agree' });
        expect(cast.status).toBe(200);
      }

      // Two instances' schedulers, then a third pass as after a restart.
      const [first, second] = await Promise.all([service.remindDueRounds(), service.remindDueRounds()]);
      const third = await service.remindDueRounds();

      expect(first + second + third).toBe(3);
      expect(await recipientsOf('round.reminder')).toEqual(['codef@demo.coupole.be', 'fdss@demo.coupole.be', 'risome@demo.coupole.be']);
      const [reminder] = (await listOf(logins.codef)).items.filter((item) => item.kind === 'round.reminder');
      expect(reminder.title).toBe("Rappel : CODEF n’a pas encore pris position sur « Mémorandum régional 2026 »");
      const guard = await dataSource.query(`SELECT "federation_slug" FROM "round_reminders" WHERE "round_id" = $1 ORDER BY 1`, [roundId]);
      expect(guard).toEqual([{ federation_slug: 'codef' }, { federation_slug: 'fdss' }, { federation_slug: 'risome' }]);
    });
  });

  describe('reading', () => {
    it('marks one notification read and lists unread ones first', async () => {
      const before = await listOf(logins.codef);
      const opened = before.items.find((item) => item.kind === 'round.opened')!;

      const response = await sut.http().post(`/api/notifications/${opened.id}/read`).set(bearer(logins.codef));

      expect(response.status).toBe(200);
      expect(response.body.readAt).toEqual(expect.any(String));
      const after = await listOf(logins.codef);
      expect(after.unread).toBe(before.unread - 1);
      expect(after.items.map((item) => item.readAt === null)).toEqual([true, false]);
    });

    it("answers 404 for someone else's notification and 400 for a malformed id", async () => {
      const [theirs] = (await listOf(logins.codef)).items;

      expect((await sut.http().post(`/api/notifications/${theirs.id}/read`).set(bearer(logins.aleap))).status).toBe(404);
      expect((await sut.http().post(`/api/notifications/${randomUUID()}/read`).set(bearer(logins.aleap))).status).toBe(404);
      const malformed = await sut.http().post('/api/notifications/nope/read').set(bearer(logins.aleap));
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toEqual(['id must be a UUID']);
    });

    it('marks all of the caller’s notifications read, and only theirs', async () => {
      const response = await sut.http().post('/api/notifications/read-all').set(bearer(logins.codef));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ updated: 1 });
      expect((await listOf(logins.codef)).unread).toBe(0);
      expect((await listOf(logins.aleap)).unread).toBe(1);
    });
  });

  it('notifies the members of a federation @mentioned in a comment, live and by mail', async () => {
    const server = sut.app.getHttpServer();
    if (!server.listening) await sut.app.listen(0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    const socket: Socket = io(`http://127.0.0.1:${port}/live`, { auth: { token: logins.codef.accessToken }, transports: ['websocket'] });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const pushed = new Promise<NotificationEvent>((resolve) => socket.once('notification', resolve));

      const comment = await sut
        .http()
        .post(`/api/documents/${documentId}/comments`)
        .set(bearer(logins.aleap))
        .send({ body: 'Merci @codef pour la relecture du chapitre financement.' });
      expect(comment.status).toBe(201);

      const event = await pushed;
      expect(event).toMatchObject({ type: 'notification', documentId, payload: { title: 'Nadia Benali vous a mentionné·e dans « Mémorandum régional 2026 »' } });
      expect(await recipientsOf('comment.mention')).toEqual(['codef@demo.coupole.be']);
      const outbox = (await sut.http().get('/api/admin/outbox').set(bearer(logins.admin))).body as ListResponse<OutboxMailDto>;
      expect(outbox.items.some((mail) => mail.to === 'codef@demo.coupole.be' && mail.text.includes('chapitre financement'))).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('announces the outcome when the round closes', async () => {
    const closed = await sut.http().post(`/api/rounds/${roundId}/close`).set(bearer(logins.facilitator)).send({});
    expect(closed.status).toBe(200);

    expect(await countOf('round.closed')).toBe(7);
    const [latest] = (await listOf(logins.aleap)).items;
    expect(latest.title).toMatch(/^Tour n° 1 clos — Quorum non atteint : « Mémorandum régional 2026 »$/);
    const [{ decision_seq: decisionSeq }] = await dataSource.query(`SELECT "decision_seq" FROM "rounds" WHERE "id" = $1`, [roundId]);
    expect(latest.body).toContain(`La décision est inscrite au registre sous le n° ${Number(decisionSeq)}.`);
  });
});
