import { LIVE_NAMESPACE, type CommentCreatedEvent, type ConsultationAnsweredLiveEvent, type DocumentDetailDto, type DocumentEditedEvent, type DocumentUpdatedEvent, type LiveAck, type LoginResponse, type PresenceEvent, type SuggestionUpdatedEvent } from '@coupole/shared';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../test/test-app';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { LiveService, type LiveNamespace } from './live.service';

describe('/live gateway (integration)', () => {
  let sut: TestApp;
  let baseUrl: string;
  let secretariat: LoginResponse;
  let aleap: LoginResponse;
  let observer: LoginResponse;
  let document: DocumentDetailDto;
  const sockets: Socket[] = [];

  function connect(token?: string): Socket {
    const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }

  async function connected(token: string): Promise<Socket> {
    const socket = connect(token);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  const send = (socket: Socket, event: 'subscribe' | 'unsubscribe' | 'followConsultation' | 'unfollowConsultation', body: unknown) =>
    socket.timeout(5_000).emitWithAck(event, body) as Promise<LiveAck>;

  function next<T>(socket: Socket, event: string, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      socket.once(event, (payload: T) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });
  }

  /** Nothing arrives under `event` for a while (a negative check, bounded in time). */
  async function silence(socket: Socket, event: string, ms = 400): Promise<boolean> {
    let received = false;
    const listener = () => (received = true);
    socket.on(event, listener);
    await new Promise((resolve) => setTimeout(resolve, ms));
    socket.off(event, listener);
    return !received;
  }

  beforeAll(async () => {
    sut = await startTestApp();
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    [secretariat, aleap, observer] = await Promise.all([
      sut.login('secretariat@demo.coupole.be'),
      sut.login('aleap@demo.coupole.be'),
      sut.login('observateur@demo.coupole.be'),
    ]);
    const created = await sut.http().post('/api/documents').set('Authorization', `Bearer ${secretariat.accessToken}`).send({ title: 'Note live', kind: 'analyse' });
    document = created.body as DocumentDetailDto;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await sut?.close();
  });

  it('refuses a connection without a valid session', async () => {
    for (const token of [undefined, 'forged.token.value']) {
      const socket = connect(token);
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(error.message).toBe('Authentification requise');
      expect(socket.connected).toBe(false);
    }
  });

  it('acks a subscription to a readable document, and refuses a malformed or unknown one', async () => {
    const socket = await connected(aleap.accessToken);

    expect(await send(socket, 'subscribe', { documentId: document.id })).toEqual({ ok: true });
    expect(await send(socket, 'subscribe', { documentId: 'nope' })).toEqual({ ok: false, error: 'documentId must be a UUID' });
    expect(await send(socket, 'subscribe', { documentId: document.id, extra: 1 })).toEqual({ ok: false, error: 'property extra should not exist' });
    expect(await send(socket, 'subscribe', { documentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false });
    expect(await send(socket, 'unsubscribe', { documentId: document.id })).toEqual({ ok: true });
  });

  it('gives every socket the same message listeners, made once for the gateway (an idle tab keeps no handler of its own)', async () => {
    const mine = await connected(aleap.accessToken);
    const theirs = await connected(secretariat.accessToken);
    // The namespace as the service holds it: what a socket keeps is only seen from the server.
    const namespace = (sut.app.get(LiveService) as unknown as { namespace: LiveNamespace }).namespace;
    const [a, b] = [mine.id, theirs.id].map((id) => namespace.sockets.get(id as string)!);

    for (const message of ['subscribe', 'unsubscribe', 'followConsultation', 'unfollowConsultation']) {
      expect(a.listeners(message as never)).toHaveLength(1);
      expect(a.listeners(message as never)[0]).toBe(b.listeners(message as never)[0]);
    }
    // Each answers its own socket: the shared listener takes the socket it was called on.
    expect(await Promise.all([send(mine, 'subscribe', { documentId: document.id }), send(theirs, 'subscribe', { documentId: 'nope' })])).toEqual([
      { ok: true },
      { ok: false, error: 'documentId must be a UUID' },
    ]);
    expect(a.rooms.has(`document:${document.id}`)).toBe(true);
    expect(b.rooms.has(`document:${document.id}`)).toBe(false);
  });

  it('refuses an observer’s subscription to a document they are not invited to', async () => {
    const socket = await connected(observer.accessToken);

    const ack = await send(socket, 'subscribe', { documentId: document.id });

    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(/not found/);
  });

  it('pushes document.updated to a subscriber when the document is renamed', async () => {
    const socket = await connected(aleap.accessToken);
    await send(socket, 'subscribe', { documentId: document.id });
    const updated = next<DocumentUpdatedEvent>(socket, 'document.updated');

    await sut.http().patch(`/api/documents/${document.id}`).set('Authorization', `Bearer ${secretariat.accessToken}`).send({ title: 'Note live renommée' }).expect(200);

    const event = await updated;
    expect(event).toMatchObject({ type: 'document.updated', documentId: document.id, payload: { document: { id: document.id, title: 'Note live renommée' } } });
    expect(event.payload.document).not.toHaveProperty('markdown');
  });

  it('pushes document.edited to the editing person’s own other pages, the document’s and the list’s', async () => {
    const documentPage = await connected(aleap.accessToken);
    await send(documentPage, 'subscribe', { documentId: document.id });
    const listPage = await connected(aleap.accessToken);
    const onDocumentPage = next<DocumentEditedEvent>(documentPage, 'document.edited');
    const onListPage = next<DocumentEditedEvent>(listPage, 'document.edited');
    const editedAt = new Date();

    // What the collab module says once Nadia's keystrokes (from a third page, her editor) are
    // stored. On PostgreSQL this event was never sent (see recordBodyChange).
    await sut.app.get(DomainEventBus).emitAndWait('document.body_changed', { documentId: document.id, markdown: 'Texte revu par Nadia.', editedAt, actorId: aleap.user.id });

    for (const event of await Promise.all([onDocumentPage, onListPage])) {
      expect(event).toMatchObject({ type: 'document.edited', documentId: document.id, payload: { by: { userId: aleap.user.id, federation: 'aleap' } } });
      expect(new Date(event.payload.lastEditedAt).getTime()).toBe(editedAt.getTime());
    }
  });

  it('pushes a reply on a suggestion’s card to another reader of the document, with the suggestion’s new comment count', async () => {
    const as = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
    const created = await sut.http().post('/api/documents').set(as(secretariat)).send({ title: 'Note à suggestions', kind: 'analyse', markdown: 'Un financement annuel.' });
    const suggestion = await sut.http().post(`/api/documents/${created.body.id}/suggestions`).set(as(aleap)).send({ quote: 'annuel', replacement: 'stable' });
    const reader = await connected(secretariat.accessToken);
    await send(reader, 'subscribe', { documentId: created.body.id });
    const comment = next<CommentCreatedEvent>(reader, 'comment.created');
    const updated = next<SuggestionUpdatedEvent>(reader, 'suggestion.updated');

    const reply = await sut.http().post(`/api/suggestions/${suggestion.body.id}/comments`).set(as(aleap)).send({ body: 'Stable : pluriannuel.' });

    expect(reply.status).toBe(201);
    expect(await comment).toMatchObject({ type: 'comment.created', documentId: created.body.id, payload: { comment: reply.body } });
    expect((await updated).payload.suggestion).toMatchObject({ id: suggestion.body.id, status: 'open', commentCount: 1 });
  });

  it('tells the presence only when the people editing change, unless asked to tell it again', async () => {
    const staff = await connected(secretariat.accessToken);
    const live = sut.app.get(LiveService);
    const nadia = { userId: aleap.user.id, displayName: 'Nadia Benali', federation: 'aleap' as const };
    const thomas = { userId: secretariat.user.id, displayName: 'Thomas Leclercq', federation: null };
    live.setPresence(document.id, []);

    const joined = next<PresenceEvent>(staff, 'presence');
    live.setPresence(document.id, [nadia]);
    expect((await joined).payload.editors).toEqual([nadia]);
    // Nadia's second tab, then one of her two tabs closing: the same people, nothing to tell.
    const unchanged = silence(staff, 'presence');
    live.setPresence(document.id, [{ ...nadia }]);
    expect(await unchanged).toBe(true);

    const both = next<PresenceEvent>(staff, 'presence');
    live.setPresence(document.id, [thomas, nadia]);
    expect((await both).payload.editors).toEqual([thomas, nadia]);
    const reordered = silence(staff, 'presence');
    live.setPresence(document.id, [nadia, thomas]);
    expect(await reordered).toBe(true);

    const again = next<PresenceEvent>(staff, 'presence');
    live.setPresence(document.id, [nadia, thomas], { republish: true });
    expect((await again).payload.editors).toEqual([nadia, thomas]);
    const left = next<PresenceEvent>(staff, 'presence');
    live.setPresence(document.id, []);
    expect((await left).payload.editors).toEqual([]);
  });

  it('sends list summaries to staff, and to observers only for the documents they are invited to', async () => {
    const staff = await connected(aleap.accessToken);
    const guest = await connected(observer.accessToken);

    const staffSees = next<PresenceEvent>(staff, 'presence');
    const guestIgnored = silence(guest, 'presence');
    sut.app.get(LiveService).setPresence(document.id, [{ userId: aleap.user.id, displayName: 'Nadia Benali', federation: 'aleap' }]);
    expect((await staffSees).payload.editors).toEqual([{ userId: aleap.user.id, displayName: 'Nadia Benali', federation: 'aleap' }]);
    expect(await guestIgnored).toBe(true);
    const listed = await sut.http().get('/api/documents').set('Authorization', `Bearer ${secretariat.accessToken}`);
    expect(listed.body.items.find((item: { id: string }) => item.id === document.id).editors).toHaveLength(1);

    await sut.http().patch(`/api/documents/${document.id}`).set('Authorization', `Bearer ${secretariat.accessToken}`).send({ observerIds: [observer.user.id] }).expect(200);
    const guestSees = next<DocumentUpdatedEvent>(guest, 'document.updated');
    await sut.http().patch(`/api/documents/${document.id}`).set('Authorization', `Bearer ${secretariat.accessToken}`).send({ title: 'Note live partagée' }).expect(200);
    expect((await guestSees).payload.document.title).toBe('Note live partagée');

    await sut.http().patch(`/api/documents/${document.id}`).set('Authorization', `Bearer ${secretariat.accessToken}`).send({ observerIds: [] }).expect(200);
    const guestNoLonger = silence(guest, 'document.updated');
    await sut.http().patch(`/api/documents/${document.id}`).set('Authorization', `Bearer ${secretariat.accessToken}`).send({ title: 'Note live interne' }).expect(200);
    expect(await guestNoLonger).toBe(true);
  });

  describe('a consultation’s answers', () => {
    const DAY = 24 * 3600 * 1000;
    const api = (token: string) => ({
      get: (path: string) => sut.http().get(`/api${path}`).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object = {}) => sut.http().post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
      patch: (path: string, body: object = {}) => sut.http().patch(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
    });
    let consultationId: string;
    let tokens: string[];
    let caips: LoginResponse;
    let admin: LoginResponse;

    /** One ILI answers through its personal link (no session), as the answer page does. */
    async function answerThrough(token: string): Promise<void> {
      const form = await sut.http().get(`/api/answer/${token}`).expect(200);
      const [question] = form.body.consultation.questions as Array<{ id: string }>;
      await sut.http().put(`/api/answer/${token}`).send({ answers: [{ questionId: question.id, value: 4 }] }).expect(200);
    }

    beforeAll(async () => {
      [caips, admin] = await Promise.all([sut.login('caips@demo.coupole.be'), sut.login('admin@demo.coupole.be')]);
      const created = await api(aleap.accessToken)
        .post('/consultations', {
          title: 'Enquête en direct',
          questions: [{ kind: 'scale', label: 'Les moyens suffisent-ils ?', required: true }],
          scope: { affiliations: ['federation'], federations: ['aleap'] },
          closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        })
        .expect(201);
      consultationId = created.body.id as string;
      await api(aleap.accessToken).post(`/consultations/${consultationId}/launch`).expect(200);
      const mails = (await sut.app.get(DataSource).query(`SELECT "text" FROM "outbox" WHERE "subject" = $1`, ['Consultation : Enquête en direct'])) as Array<{ text: string }>;
      tokens = mails.map((mail) => /\/repondre\/([A-Za-z0-9_-]{22})/.exec(mail.text)![1]);
      expect(tokens.length).toBeGreaterThan(3);
    });

    it('reach those who may see its results — its federation and the secretariat — not another federation nor an observer', async () => {
      const [own, staff, other, guest, bystander] = await Promise.all([
        connected(aleap.accessToken),
        connected(secretariat.accessToken),
        connected(caips.accessToken),
        connected(observer.accessToken),
        connected(caips.accessToken),
      ]);
      expect(await send(own, 'followConsultation', { consultationId })).toEqual({ ok: true });
      expect(await send(staff, 'followConsultation', { consultationId })).toEqual({ ok: true });
      expect(await send(other, 'followConsultation', { consultationId })).toMatchObject({ ok: false, error: expect.stringMatching(/not found/) });
      expect(await send(guest, 'followConsultation', { consultationId })).toMatchObject({ ok: false, error: expect.stringMatching(/not found/) });
      expect(await send(other, 'followConsultation', { consultationId: 'pas-un-id' })).toEqual({ ok: false, error: 'consultationId must be a UUID' });

      const ownSees = next<ConsultationAnsweredLiveEvent>(own, 'consultation.answered');
      const staffSees = next<ConsultationAnsweredLiveEvent>(staff, 'consultation.answered');
      const quiet = [other, guest, bystander].map((socket) => silence(socket, 'consultation.answered', 1_000));
      await answerThrough(tokens[0]);

      const event = await ownSees;
      expect(event).toMatchObject({ type: 'consultation.answered', consultationId, payload: { invited: tokens.length, responded: 1 } });
      expect((await staffSees).payload).toEqual({ invited: tokens.length, responded: 1 });
      expect(await Promise.all(quiet)).toEqual([true, true, true]);

      // Once unfollowed, the page hears nothing more.
      expect(await send(staff, 'unfollowConsultation', { consultationId })).toEqual({ ok: true });
      const staffQuiet = silence(staff, 'consultation.answered', 1_000);
      const ownAgain = next<ConsultationAnsweredLiveEvent>(own, 'consultation.answered');
      await answerThrough(tokens[1]);
      expect((await ownAgain).payload.responded).toBe(2);
      expect(await staffQuiet).toBe(true);
    });

    it('reach another federation once the consultation is shared', async () => {
      const other = await connected(caips.accessToken);
      await api(aleap.accessToken).post(`/consultations/${consultationId}/share`).expect(200);
      expect(await send(other, 'followConsultation', { consultationId })).toEqual({ ok: true });
      const sees = next<ConsultationAnsweredLiveEvent>(other, 'consultation.answered');
      await answerThrough(tokens[2]);
      expect((await sees).payload.responded).toBe(3);
    });

    it('stop reaching a member whose rights change: the socket closes and following again is refused', async () => {
      const substitute = await sut.login('caips-suppleant@demo.coupole.be');
      const own = await api(caips.accessToken)
        .post('/consultations', {
          title: 'Enquête CAIPS en direct',
          questions: [{ kind: 'scale', label: 'Satisfaction ?', required: true }],
          scope: { affiliations: ['federation'], federations: ['caips'] },
          closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        })
        .expect(201);
      const socket = await connected(substitute.accessToken);
      expect(await send(socket, 'followConsultation', { consultationId: own.body.id })).toEqual({ ok: true });

      // The account moves to another federation: its open sockets close (LiveAccessListener)…
      const closing = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await api(admin.accessToken).patch(`/users/${substitute.user.id}`, { federation: 'aleap' }).expect(200);
      expect(await closing).toBe('io server disconnect');
      // …and the page, reconnecting under the new rights, may no longer follow CAIPS's consultation.
      const again = await connected(substitute.accessToken);
      expect(await send(again, 'followConsultation', { consultationId: own.body.id })).toMatchObject({ ok: false, error: expect.stringMatching(/not found/) });
    });
  });
});
