import type { CommentDto, LoginResponse } from '@coupole/shared';
import * as Y from 'yjs';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DocumentBodyService } from '../document-body/document-body.service';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { DocumentStateService } from '../collab/document-state.service';
import { EventsService } from '../events/events.service';
import { startTestApp, TestApp } from '../test/test-app';

describe('comments (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let caips: LoginResponse;
  let caipsSubstitute: LoginResponse;
  let aleap: LoginResponse;
  let observer: LoginResponse;
  const mentionsHeard: DomainEventPayload<'comment.mentioned'>[] = [];

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });

  async function createDocument(observerIds: string[] = []): Promise<string> {
    const created = await sut
      .http()
      .post('/api/documents')
      .set(auth(facilitator))
      .send({ title: 'Mémorandum', kind: 'memorandum', markdown: 'Bonjour le monde.\n\nDeuxième paragraphe.\n' });
    expect(created.status).toBe(201);
    if (observerIds.length) {
      expect((await sut.http().patch(`/api/documents/${created.body.id}`).set(auth(facilitator)).send({ observerIds })).status).toBe(200);
    }
    return created.body.id as string;
  }

  async function anchorIn(documentId: string, from: number, to: number) {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, await sut.app.get(DocumentBodyService).stateUpdate(documentId));
    const text = (ydoc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const encode = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
    return { start: encode(from), end: encode(to), quote: text.toString().slice(from, to) };
  }

  const post = (documentId: string, session: LoginResponse, body: object) =>
    sut.http().post(`/api/documents/${documentId}/comments`).set(auth(session)).send(body);

  beforeAll(async () => {
    sut = await startTestApp();
    facilitator = await sut.login('secretariat@demo.coupole.be');
    caips = await sut.login('caips@demo.coupole.be');
    caipsSubstitute = await sut.login('caips-suppleant@demo.coupole.be');
    aleap = await sut.login('aleap@demo.coupole.be');
    observer = await sut.login('observateur@demo.coupole.be');
    sut.app.get(EventEmitter2).on('comment.mentioned', (mention: DomainEventPayload<'comment.mentioned'>) => {
      mentionsHeard.push(mention);
    });
  });

  afterAll(() => sut?.close());

  it('creates an anchored comment, stores the anchor as given and lists it with its author', async () => {
    const documentId = await createDocument();
    const anchor = await anchorIn(documentId, 0, 7);

    const created = await post(documentId, aleap, { body: '  Trop familier ?  ', anchor });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      documentId,
      body: 'Trop familier ?',
      anchor: { ...anchor, quote: 'Bonjour' },
      author: { id: aleap.user.id, federation: 'aleap' },
      resolved: false,
      resolvedBy: null,
      replies: [],
      mentions: [],
    });
    const list = await sut.http().get(`/api/documents/${documentId}/comments`).set(auth(facilitator));
    expect(list.body).toEqual({ items: [created.body], total: 1 });
  });

  it('keeps the anchor meaningful after concurrent edits before it', async () => {
    const documentId = await createDocument();
    const anchor = await anchorIn(documentId, 8, 10);
    await sut.app.get(DocumentStateService).applyServerEdit(documentId, 'Oh ! Bonjour le monde.\n\nDeuxième paragraphe.\n', null);
    await post(documentId, aleap, { body: 'Sur « le »', anchor });

    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, await sut.app.get(DocumentBodyService).stateUpdate(documentId));
    const stored = (await sut.http().get(`/api/documents/${documentId}/comments`).set(auth(aleap))).body.items[0] as CommentDto;
    const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(stored.anchor!.start, 'base64')), ydoc);
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(stored.anchor!.end, 'base64')), ydoc);
    expect((start!.type as Y.XmlText).toString().slice(start!.index, end!.index)).toBe('le');
  });

  it('answers 400 naming anchor for positions that are not Yjs relative positions or a missing quote', async () => {
    const documentId = await createDocument();
    const anchor = await anchorIn(documentId, 0, 3);

    const notBase64 = await post(documentId, aleap, { body: 'x', anchor: { ...anchor, start: 'pas du base64' } });
    const garbage = await post(documentId, aleap, { body: 'x', anchor: { ...anchor, end: 'aGVsbG8=' } });
    const noQuote = await post(documentId, aleap, { body: 'x', anchor: { start: anchor.start, end: anchor.end } });
    const tooLong = await post(documentId, aleap, { body: 'x', anchor: { ...anchor, start: 'A'.repeat(600) } });
    const notObject = await post(documentId, aleap, { body: 'x', anchor: 'début' });

    expect(notBase64.status).toBe(400);
    expect(notBase64.body.message).toEqual(['anchor.start must be a base64-encoded Yjs relative position']);
    expect(garbage.body.message).toEqual(['anchor.end must be a base64-encoded Yjs relative position']);
    expect(noQuote.status).toBe(400);
    expect(noQuote.body.message.join(' ')).toContain('anchor.quote');
    expect(tooLong.status).toBe(400);
    expect(notObject.status).toBe(400);
    expect(notObject.body.message.join(' ')).toContain('anchor');
  });

  it('answers 400 naming body for an empty or missing body', async () => {
    const documentId = await createDocument();
    const empty = await post(documentId, aleap, { body: '   ' });
    const missing = await post(documentId, aleap, {});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toEqual(['body must not be empty']);
    expect(missing.body.message.join(' ')).toContain('body');
  });

  it('replies to a thread and returns the whole thread, oldest reply first', async () => {
    const documentId = await createDocument();
    const comment = (await post(documentId, aleap, { body: 'Question ?' })).body as CommentDto;

    const first = await sut.http().post(`/api/comments/${comment.id}/replies`).set(auth(caips)).send({ body: 'Réponse une' });
    const second = await sut.http().post(`/api/comments/${comment.id}/replies`).set(auth(facilitator)).send({ body: 'Réponse deux' });

    expect(first.status).toBe(201);
    expect(second.body.replies.map((reply: { body: string }) => reply.body)).toEqual(['Réponse une', 'Réponse deux']);
    expect(second.body.replies[0].author).toMatchObject({ id: caips.user.id });
    const timeline = await sut.app.get(EventsService).timeline(documentId);
    expect(timeline.items.map((event) => event.type)).toEqual(expect.arrayContaining(['comment.created', 'comment.replied']));
  });

  it('resolves and reopens for anyone who may comment, and records who resolved', async () => {
    const documentId = await createDocument([observer.user.id]);
    const comment = (await post(documentId, aleap, { body: 'À trancher' })).body as CommentDto;

    const resolved = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(caips)).send({ resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: { id: caips.user.id } });
    const reopened = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(observer)).send({ resolved: false });
    expect(reopened.body).toMatchObject({ resolved: false, resolvedBy: null });

    const types = (await sut.app.get(EventsService).timeline(documentId)).items.map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['comment.resolved', 'comment.reopened']));
  });

  it('lets only the author edit the body, and asks for something to change', async () => {
    const documentId = await createDocument();
    const comment = (await post(documentId, aleap, { body: 'Premier jet' })).body as CommentDto;

    const byOther = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(facilitator)).send({ body: 'Réécrit' });
    const byAuthor = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(aleap)).send({ body: 'Second jet' });
    const nothing = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(aleap)).send({});
    const badResolved = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(aleap)).send({ resolved: 'oui' });

    expect(byOther.status).toBe(403);
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.body).toBe('Second jet');
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toEqual(['resolved or body must be given']);
    expect(badResolved.status).toBe(400);
    expect(badResolved.body.message.join(' ')).toContain('resolved');
  });

  describe('mentions', () => {
    it('stores federation slugs and member ids, and tells the listener who to notify (never the author)', async () => {
      const documentId = await createDocument();
      mentionsHeard.length = 0;

      const created = await post(documentId, aleap, { body: '@caips, qu’en pensez-vous ? Et @aleap aussi.' });

      expect(created.status).toBe(201);
      // @observateur is not invited: it would be refused, so this comment names federations only.
      expect(created.body.mentions).toEqual(['caips', 'aleap']);
      expect(mentionsHeard).toHaveLength(1);
      expect(mentionsHeard[0]).toMatchObject({ documentId, commentId: created.body.id, replyId: null, authorId: aleap.user.id });
      expect(mentionsHeard[0].recipientIds).toEqual(expect.arrayContaining([caips.user.id, caipsSubstitute.user.id]));
      expect(mentionsHeard[0].recipientIds).not.toContain(aleap.user.id);
      const timeline = await sut.app.get(EventsService).timeline(documentId);
      expect(timeline.items.find((event) => event.type === 'comment.created')?.payload.mentions).toEqual(created.body.mentions);
    });

    it('refuses observers who are not invited to the document', async () => {
      const documentId = await createDocument();
      const response = await post(documentId, aleap, { body: 'Avis de @observateur ?' });
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(['body mentions @observateur, who is not a member who can read this document']);
    });

    it('answers alike for a handle naming no one and one naming someone who may not read the text (no enumeration)', async () => {
      const documentId = await createDocument();
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const strip = (response: { status: number; body: object }, handle: string) => ({
        status: response.status,
        body: JSON.parse(JSON.stringify(response.body).split(handle).join('<handle>')) as object,
      });

      const existing = await post(documentId, aleap, { body: 'Avis de @observateur ?' });
      const missing = await post(documentId, aleap, { body: 'Avis de @personne-inconnue ?' });
      const existingById = await post(documentId, aleap, { body: `Avis de @${observer.user.id} ?` });
      const missingById = await post(documentId, aleap, { body: `Avis de @${unknownId} ?` });

      expect(existing.status).toBe(400);
      expect(strip(existing, 'observateur')).toEqual(strip(missing, 'personne-inconnue'));
      expect(strip(existingById, observer.user.id)).toEqual(strip(missingById, unknownId));
    });

    it('accepts the invited observer by email local part and by id', async () => {
      const documentId = await createDocument([observer.user.id]);
      const byName = await post(documentId, aleap, { body: 'Avis de @observateur ?' });
      const byId = await post(documentId, aleap, { body: `Avis de @${observer.user.id} ?` });
      expect(byName.body.mentions).toEqual([observer.user.id]);
      expect(byId.body.mentions).toEqual([observer.user.id]);
    });

    it('answers 400 naming body for someone who does not exist, in comments and replies alike', async () => {
      const documentId = await createDocument();
      const comment = await post(documentId, aleap, { body: 'Et @inconnu ?' });
      expect(comment.status).toBe(400);
      expect(comment.body.message).toEqual(['body mentions @inconnu, who is not a member who can read this document']);
      const thread = (await post(documentId, aleap, { body: 'Fil' })).body as CommentDto;
      const reply = await sut.http().post(`/api/comments/${thread.id}/replies`).set(auth(caips)).send({ body: 'Voir @personne' });
      expect(reply.status).toBe(400);
      expect(reply.body.message[0]).toMatch(/^body mentions @personne/);
    });

    it('lists whom a comment may name: the five federations, then who may read the document, by name and never by e-mail', async () => {
      const shared = await createDocument([observer.user.id]);
      const internal = await createDocument();

      const listed = await sut.http().get(`/api/documents/${shared}/mentionable`).set(auth(aleap));
      expect(listed.status).toBe(200);
      expect(listed.body.items.slice(0, 5)).toEqual([
        { kind: 'federation', id: 'aleap', handle: 'aleap', displayName: 'ALEAP', federation: 'aleap' },
        { kind: 'federation', id: 'caips', handle: 'caips', displayName: 'CAIPS', federation: 'caips' },
        { kind: 'federation', id: 'codef', handle: 'codef', displayName: 'CODEF', federation: 'codef' },
        { kind: 'federation', id: 'fdss', handle: 'fdss', displayName: 'FdSS', federation: 'fdss' },
        { kind: 'federation', id: 'risome', handle: 'risome', displayName: 'Risome', federation: 'risome' },
      ]);
      expect(listed.body.items).toContainEqual({ kind: 'person', id: observer.user.id, handle: 'thomas-leclercq', displayName: 'Thomas Leclercq', federation: null, role: 'observer' });
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: caipsSubstitute.user.id, handle: 'aicha-el-idrissi', displayName: 'Aïcha El Idrissi' }));
      expect(JSON.stringify(listed.body)).not.toContain('@');
      expect(JSON.stringify(listed.body)).not.toContain('demo.coupole.be');

      const notInvited = await sut.http().get(`/api/documents/${internal}/mentionable`).set(auth(aleap));
      expect(notInvited.body.items.map((item: { id: string }) => item.id)).not.toContain(observer.user.id);
      expect((await sut.http().get(`/api/documents/${internal}/mentionable`).set(auth(observer))).status).toBe(404);
      expect((await sut.http().get(`/api/documents/not-a-uuid/mentionable`).set(auth(aleap))).status).toBe(400);
    });

    it('resolves every handle the list offers back to its person or federation', async () => {
      const documentId = await createDocument([observer.user.id]);
      const { items } = (await sut.http().get(`/api/documents/${documentId}/mentionable`).set(auth(aleap))).body as { items: Array<{ id: string; handle: string }> };

      const created = await post(documentId, caips, { body: items.map((item) => `@${item.handle}`).join(' ') });

      expect(created.status).toBe(201);
      expect(created.body.mentions).toEqual(items.map((item) => item.id));
    });

    it('refuses a name handle of someone who may not read the text with a code and the field', async () => {
      const documentId = await createDocument();
      const response = await post(documentId, aleap, { body: 'Avis de @thomas-leclercq ?' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'mention_unknown', fields: [{ field: 'body', constraints: ['existing'] }] });
    });

    it('tells a federation’s representatives who may read the text, titular and substitutes alike, not the author', async () => {
      const documentId = await createDocument();
      mentionsHeard.length = 0;
      await post(documentId, caips, { body: 'Merci @caips et @Nadia-Benali' }).expect(201);
      expect(mentionsHeard[0].recipientIds.sort()).toEqual([aleap.user.id, caipsSubstitute.user.id].sort());
    });

    it('tells the listener about mentions in replies', async () => {
      const documentId = await createDocument();
      const thread = (await post(documentId, aleap, { body: 'Fil' })).body as CommentDto;
      mentionsHeard.length = 0;

      const reply = await sut.http().post(`/api/comments/${thread.id}/replies`).set(auth(caips)).send({ body: 'Je laisse @codef répondre' });

      expect(reply.body.replies[0].mentions).toEqual(['codef']);
      expect(mentionsHeard).toEqual([expect.objectContaining({ commentId: thread.id, replyId: reply.body.replies[0].id, mentions: ['codef'] })]);
    });
  });

  describe('access', () => {
    it('lets an invited observer read and comment', async () => {
      const documentId = await createDocument([observer.user.id]);
      expect((await post(documentId, observer, { body: 'Remarque du partenaire' })).status).toBe(201);
      expect((await sut.http().get(`/api/documents/${documentId}/comments`).set(auth(observer))).status).toBe(200);
    });

    it('hides a document an observer is not invited to, and its comments (404)', async () => {
      const documentId = await createDocument();
      const comment = (await post(documentId, aleap, { body: 'Interne' })).body as CommentDto;

      expect((await post(documentId, observer, { body: 'Intrusion' })).status).toBe(404);
      expect((await sut.http().get(`/api/documents/${documentId}/comments`).set(auth(observer))).status).toBe(404);
      expect((await sut.http().post(`/api/comments/${comment.id}/replies`).set(auth(observer)).send({ body: 'x' })).status).toBe(404);
      expect((await sut.http().patch(`/api/comments/${comment.id}`).set(auth(observer)).send({ resolved: true })).status).toBe(404);
    });

    it('answers 404 for an unknown comment and 400 for a malformed id', async () => {
      expect((await sut.http().patch('/api/comments/6f0c2a52-3f0e-4a8e-9c1f-6d1c8f1b2a10').set(auth(aleap)).send({ resolved: true })).status).toBe(404);
      const malformed = await sut.http().post('/api/comments/abc/replies').set(auth(aleap)).send({ body: 'x' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toEqual(['id must be a UUID']);
    });
  });
});
