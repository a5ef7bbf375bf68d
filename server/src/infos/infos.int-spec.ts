import { LIVE_NAMESPACE, type InfoCreatedEvent, type InfoDto, type LoginResponse } from '@coupole/shared';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, TestApp } from '../test/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('infos — the watch (integration)', () => {
  let sut: TestApp;
  let baseUrl: string;
  let secretariat: LoginResponse;
  let aleap: LoginResponse;
  let caips: LoginResponse;
  let observer: LoginResponse;
  const sockets: Socket[] = [];

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
  const share = (session: LoginResponse, body: object) => sut.http().post('/api/infos').set(auth(session)).send(body);
  const base = { title: 'Avant-projet d’arrêté sur les normes', body: 'Le **gouvernement** prépare des normes d’encadrement.', topics: ['reglementaire'] };

  beforeAll(async () => {
    sut = await startTestApp();
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    [secretariat, aleap, caips, observer] = await Promise.all(
      ['secretariat', 'aleap', 'caips', 'observateur'].map((name) => sut.login(`${name}@demo.coupole.be`)),
    );
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await sut?.close();
  });

  it('shares an info with its author, federation and topics, members-only by default', async () => {
    const created = await share(aleap, { ...base, sourceUrl: 'https://wallex.wallonie.be/decret', toDiscuss: true, title: '  Normes  ' });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Normes',
      sourceUrl: 'https://wallex.wallonie.be/decret',
      topics: ['reglementaire'],
      toDiscuss: true,
      visibility: 'members',
      author: { id: aleap.user.id, federation: 'aleap' },
      federation: 'aleap',
      attachment: null,
      permissions: { read: true, comment: true, edit: true },
    });
    const seen = await sut.http().get(`/api/infos/${created.body.id}`).set(auth(caips));
    expect(seen.body.permissions).toEqual({ read: true, comment: true, edit: false });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await share(aleap, {
      title: '',
      body: 42,
      topics: ['sport'],
      sourceUrl: 'javascript:alert(1)',
      visibility: 'world',
      extra: true,
    });

    expect(response.status).toBe(400);
    const message = (response.body.message as string[]).join(' | ');
    for (const field of ['title', 'body', 'topics', 'sourceUrl', 'visibility', 'extra']) expect(message).toContain(field);
    expect((await share(aleap, { ...base, topics: [] })).status).toBe(400);
  });

  it('finds infos by French full-text search, accents and plurals folded, and by topic', async () => {
    await share(caips, { title: 'Appel à projets intégration 2026', body: 'Les initiatives locales peuvent répondre.', topics: ['financiere', 'sociale'] });
    await share(caips, { title: 'Séminaire pédagogique', body: 'Formation des formateurs en FLE.', topics: ['pedagogique'] });

    const search = await sut.http().get('/api/infos').query({ q: 'integrations' }).set(auth(aleap));
    expect(search.body.items.map((info: InfoDto) => info.title)).toEqual(['Appel à projets intégration 2026']);

    const byTopic = await sut.http().get('/api/infos').query({ topic: 'pedagogique' }).set(auth(aleap));
    expect(byTopic.body.items.map((info: InfoDto) => info.title)).toEqual(['Séminaire pédagogique']);

    const both = await sut.http().get('/api/infos').query({ topic: 'pedagogique', q: 'projets' }).set(auth(aleap));
    expect(both.body).toEqual({ items: [], total: 0 });

    expect((await sut.http().get('/api/infos').query({ topic: 'sport' }).set(auth(aleap))).status).toBe(400);
  });

  it('lets only the author or the secretariat edit or delete', async () => {
    const { body: info } = await share(aleap, base);

    const foreign = await sut.http().patch(`/api/infos/${info.id}`).set(auth(caips)).send({ title: 'Piraté' });
    expect(foreign.status).toBe(403);
    expect((await sut.http().delete(`/api/infos/${info.id}`).set(auth(caips))).status).toBe(403);

    const own = await sut.http().patch(`/api/infos/${info.id}`).set(auth(aleap)).send({ title: 'Corrigé', sourceUrl: null });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ title: 'Corrigé', sourceUrl: null });

    const bySecretariat = await sut.http().patch(`/api/infos/${info.id}`).set(auth(secretariat)).send({ toDiscuss: true });
    expect(bySecretariat.body.toDiscuss).toBe(true);

    expect((await sut.http().delete(`/api/infos/${info.id}`).set(auth(secretariat))).status).toBe(204);
    expect((await sut.http().get(`/api/infos/${info.id}`).set(auth(aleap))).status).toBe(404);
  });

  it('shows observers public infos only, and never lets them share', async () => {
    const { body: members } = await share(aleap, { ...base, title: 'Interne' });
    const { body: open } = await share(aleap, { ...base, title: 'Pour tous', visibility: 'public' });

    const listed = await sut.http().get('/api/infos').set(auth(observer));
    const titles = listed.body.items.map((info: InfoDto) => info.title);
    expect(titles).toContain('Pour tous');
    expect(titles).not.toContain('Interne');
    expect((await sut.http().get(`/api/infos/${members.id}`).set(auth(observer))).status).toBe(404);
    expect((await sut.http().get(`/api/infos/${open.id}`).set(auth(observer))).status).toBe(200);
    expect((await share(observer, base)).status).toBe(403);
    expect((await sut.http().get('/api/infos')).status).toBe(401);
  });

  it('stores a PDF attachment checked by content and serves it as a download', async () => {
    const { body: info } = await share(aleap, base);

    const uploaded = await sut
      .http()
      .post(`/api/infos/${info.id}/attachment`)
      .set(auth(aleap))
      .attach('file', PDF, { filename: 'Décret.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment).toEqual({ fileName: 'Décret.pdf', size: PDF.length, contentType: 'application/pdf' });

    const download = await sut.http().get(`/api/infos/${info.id}/attachment`).set(auth(caips)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''D%C3%A9cret.pdf");
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    const removed = await sut.http().delete(`/api/infos/${info.id}/attachment`).set(auth(aleap));
    expect(removed.body.attachment).toBeNull();
  });

  it('refuses an attachment that is not a PDF by content, whatever its name and type say', async () => {
    const { body: info } = await share(aleap, base);
    const html = Buffer.from('<html><script>alert(1)</script></html>');

    const refused = await sut
      .http()
      .post(`/api/infos/${info.id}/attachment`)
      .set(auth(aleap))
      .attach('file', html, { filename: 'faux.pdf', contentType: 'application/pdf' });
    expect(refused.status).toBe(400);
    expect(refused.body.message.join(' ')).toContain('file');

    const foreign = await sut
      .http()
      .post(`/api/infos/${info.id}/attachment`)
      .set(auth(caips))
      .attach('file', PDF, { filename: 'x.pdf', contentType: 'application/pdf' });
    expect(foreign.status).toBe(403);
  });

  it('refuses an attachment over 10 MB naming the file field', async () => {
    const { body: info } = await share(aleap, base);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);

    const refused = await sut
      .http()
      .post(`/api/infos/${info.id}/attachment`)
      .set(auth(aleap))
      .attach('file', big, { filename: 'gros.pdf', contentType: 'application/pdf' });
    expect(refused.status).toBe(413);
    expect(refused.body.message).toEqual(['file must not exceed 10 MB']);
  });

  it('turns an info into a draft note quoting it', async () => {
    const { body: info } = await share(aleap, { ...base, sourceUrl: 'https://example.org/source' });

    const note = await sut.http().post(`/api/infos/${info.id}/note`).set(auth(caips)).send({});

    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ title: `Note — ${info.title}`, kind: 'note_technique', status: 'drafting' });
    expect(note.body.markdown).toContain('> Le **gouvernement** prépare');
    expect(note.body.markdown).toContain('https://example.org/source');
    expect((await sut.http().post(`/api/infos/${info.id}/note`).set(auth(caips)).send({ kind: 'poème' })).status).toBe(400);
  });

  it('shows a new info to every connected member, live', async () => {
    const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token: caips.accessToken }, reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const received = new Promise<InfoCreatedEvent>((resolve) => socket.once('info.created', resolve));

    const { body: info } = await share(aleap, { ...base, title: 'Nouvelle en direct' });

    const event = await received;
    expect(event).toMatchObject({ type: 'info.created', infoId: info.id, payload: { info: { title: 'Nouvelle en direct', author: { federation: 'aleap' } } } });
    expect(event.payload.info.permissions.edit).toBe(false);
  });

  it('keeps comment threads on an info with the comments module: reply, resolve, and the info’s own access rules', async () => {
    const { body: info } = await share(aleap, { ...base, title: 'À commenter' });
    const comments = `/api/infos/${info.id}/comments`;

    const created = await sut.http().post(comments).set(auth(caips)).send({ body: 'Qui y va ? <script>alert(1)</script>' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ infoId: info.id, documentId: null, body: 'Qui y va ? <script>alert(1)</script>', author: { federation: 'caips' } });

    const replied = await sut.http().post(`/api/comments/${created.body.id}/replies`).set(auth(aleap)).send({ body: 'Moi, @caips.' });
    expect(replied.status).toBe(201);
    expect(replied.body.replies).toHaveLength(1);
    const resolved = await sut.http().patch(`/api/comments/${created.body.id}`).set(auth(aleap)).send({ resolved: true });
    expect(resolved.body.resolved).toBe(true);

    const listed = await sut.http().get(comments).set(auth(secretariat));
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0].replies[0].body).toBe('Moi, @caips.');

    expect((await sut.http().post(comments).set(auth(caips)).send({ body: 'Ici', anchor: { start: 'AA==', end: 'AA==', quote: 'x' } })).status).toBe(400);
    expect((await sut.http().post(comments).set(auth(caips)).send({})).status).toBe(400);
    expect((await sut.http().get(comments).set(auth(observer))).status).toBe(404);
    expect((await sut.http().post(`/api/comments/${created.body.id}/replies`).set(auth(observer)).send({ body: 'Vu' })).status).toBe(404);

    expect((await sut.http().delete(`/api/infos/${info.id}`).set(auth(aleap))).status).toBe(204);
    expect((await sut.http().post(`/api/comments/${created.body.id}/replies`).set(auth(aleap)).send({ body: 'Encore' })).status).toBe(404);
  });

  it('lets an observer read the threads of a public info without taking part', async () => {
    const { body: info } = await share(aleap, { ...base, visibility: 'public' });
    await sut.http().post(`/api/infos/${info.id}/comments`).set(auth(caips)).send({ body: 'Bonne nouvelle.' });

    expect((await sut.http().get(`/api/infos/${info.id}/comments`).set(auth(observer))).body.total).toBe(1);
    expect((await sut.http().post(`/api/infos/${info.id}/comments`).set(auth(observer)).send({ body: 'Moi aussi' })).status).toBe(403);
  });
});
