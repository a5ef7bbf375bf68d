import { anchorAt, locateUniqueQuote, textRuns, type LoginResponse, type SuggestionDto } from '@coupole/shared';
import { EventEmitter2 } from '@nestjs/event-emitter';
import * as Y from 'yjs';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { demoLogins } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';
import { SuggestionsService } from './suggestions.service';

describe('suggestions (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let caips: LoginResponse;
  let aleap: LoginResponse;
  let observer: LoginResponse;
  const heard: Array<{ name: string; suggestion: SuggestionDto }> = [];

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
  const TEXT = 'Le décret de 2018 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n';

  async function createDocument(observerIds: string[] = []): Promise<string> {
    const created = await sut.http().post('/api/documents').set(auth(facilitator)).send({ title: 'Note', kind: 'note_technique', markdown: TEXT });
    expect(created.status).toBe(201);
    if (observerIds.length) {
      expect((await sut.http().patch(`/api/documents/${created.body.id}`).set(auth(facilitator)).send({ observerIds })).status).toBe(200);
    }
    return created.body.id as string;
  }

  const suggest = (documentId: string, session: LoginResponse, body: object) =>
    sut.http().post(`/api/documents/${documentId}/suggestions`).set(auth(session)).send(body);
  const act = (suggestionId: string, session: LoginResponse, action: 'accept' | 'reject') =>
    sut.http().post(`/api/suggestions/${suggestionId}/${action}`).set(auth(session));
  const markdownOf = async (documentId: string) => sut.app.get(DocumentBodyService).currentMarkdown(documentId);

  /** An edit as a co-editor's browser would send it: a Yjs update made on its own copy. */
  async function clientEdit(documentId: string, session: LoginResponse, change: (text: Y.XmlText) => void): Promise<void> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await sut.app.get(DocumentBodyService).load(documentId));
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    change(textRuns(doc)[0]);
    await sut.app.get(DocumentStateService).applyClientUpdate(documentId, update as unknown as Uint8Array, session.user.id);
  }

  beforeAll(async () => {
    sut = await startTestApp();
    ({ secretariat: facilitator, caips, aleap, observer } = await demoLogins(sut, ['secretariat', 'caips', 'aleap', 'observer']));
    const events = sut.app.get(EventEmitter2);
    for (const name of ['suggestion.created', 'suggestion.updated']) {
      events.on(name, ({ suggestion }: DomainEventPayload<'suggestion.created'>) => heard.push({ name, suggestion }));
    }
  });

  afterAll(() => sut?.close());

  it('creates a suggestion from a quote that occurs once, with its kind, author and federation, and lists it', async () => {
    const documentId = await createDocument();

    const created = await suggest(documentId, caips, { quote: 'décret de 2018', replacement: 'décret de 2025' });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      documentId,
      kind: 'replace',
      quote: 'décret de 2018',
      replacement: 'décret de 2025',
      status: 'open',
      federation: 'caips',
      author: { id: caips.user.id, federation: 'caips' },
      objectionId: null,
      decidedBy: null,
      decidedAt: null,
    });
    expect(heard).toContainEqual({ name: 'suggestion.created', suggestion: created.body });
    const list = await sut.http().get(`/api/documents/${documentId}/suggestions?status=open`).set(auth(observer));
    expect(list.status).toBe(404); // not invited: cannot even learn the document exists
    const listed = await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(aleap));
    expect(listed.body).toEqual({ items: [created.body], total: 1 });
    expect(await markdownOf(documentId)).toBe(TEXT); // the text itself is unchanged
  });

  it('refuses a quote that does not occur, occurs twice, or changes nothing, naming the field', async () => {
    const documentId = await createDocument();

    const absent = await suggest(documentId, caips, { quote: 'arrêté royal', replacement: 'x' });
    expect(absent.status).toBe(400);
    expect(absent.body).toMatchObject({ code: 'suggestion_quote_not_found' });
    expect(absent.body.message.join(' ')).toMatch(/quote must occur exactly once/);

    const twice = await suggest(documentId, caips, { quote: 'pa', replacement: 'x' });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ code: 'suggestion_quote_ambiguous' });
    expect(twice.body.message.join(' ')).toMatch(/quote must occur exactly once in the current text; it occurs \d+ times/);

    const same = await suggest(documentId, caips, { quote: 'décret', replacement: 'décret' });
    expect(same.status).toBe(400);
    expect(same.body.message.join(' ')).toMatch(/replacement/);
  });

  it('refuses malformed bodies with 400 naming each field', async () => {
    const documentId = await createDocument();

    const missing = await suggest(documentId, caips, {});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['quote', 'replacement']);

    const badAnchor = await suggest(documentId, caips, { quote: 'x', replacement: 'y', anchor: { start: 'pas du base64', end: 42 } });
    expect(badAnchor.status).toBe(400);
    expect(badAnchor.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^anchor\.start/), expect.stringMatching(/^anchor\.end/)]));

    const extra = await suggest(documentId, caips, { quote: 'décret', replacement: 'arrêté', status: 'accepted' });
    expect(extra.status).toBe(400);
    expect(extra.body.message.join(' ')).toMatch(/status/);

    const badStatus = await sut.http().get(`/api/documents/${documentId}/suggestions?status=done`).set(auth(caips));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message.join(' ')).toMatch(/status/);
  });

  it('accepts the editor form (relative positions) for an insertion, and refuses an anchor that does not hold the quote', async () => {
    const documentId = await createDocument();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await sut.app.get(DocumentBodyService).load(documentId));
    const located = locateUniqueQuote(doc, 'parcours');
    if (!located.found) throw new Error('quote not found');
    const insertion = anchorAt({ text: located.location.text, index: located.location.index }, 0);

    const created = await suggest(documentId, aleap, { quote: '', replacement: 'véritable ', anchor: insertion });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'insert', anchor: insertion });

    const mismatch = await suggest(documentId, aleap, { quote: 'autre chose', replacement: 'x', anchor: anchorAt(located.location, 8) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('suggestion_anchor_mismatch');

    const accepted = await act(created.body.id, facilitator, 'accept');
    expect(accepted.status).toBe(200);
    expect(await markdownOf(documentId)).toBe('Le décret de 2018 prévoit un véritable parcours.\n\nLes ILI accompagnent les personnes.\n');
  });

  it('accepting applies exactly the suggested edit, records who decided, and tells the live module', async () => {
    const documentId = await createDocument();
    const created = await suggest(documentId, caips, { quote: ' un parcours', replacement: '' });
    expect(created.body.kind).toBe('delete');

    const accepted = await act(created.body.id, aleap, 'accept');

    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: { id: aleap.user.id } });
    expect(accepted.body.decidedAt).toEqual(expect.any(String));
    expect(await markdownOf(documentId)).toBe('Le décret de 2018 prévoit.\n\nLes ILI accompagnent les personnes.\n');
    expect(heard).toContainEqual({ name: 'suggestion.updated', suggestion: accepted.body });
    const timeline = await sut.http().get(`/api/documents/${documentId}/timeline`).set(auth(caips));
    const entries = (timeline.body.items as Array<{ type: string; actor: { id: string } | null; payload: Record<string, unknown> }>).filter((entry) =>
      entry.type.startsWith('suggestion.'),
    );
    expect(entries.map((entry) => [entry.type, entry.actor?.id, entry.payload.excerpt, entry.payload.federation])).toEqual([
      ['suggestion.created', caips.user.id, '«  un parcours »', 'caips'],
      ['suggestion.accepted', aleap.user.id, '«  un parcours »', 'caips'],
    ]);
    const again = await act(created.body.id, facilitator, 'accept');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('suggestion_not_open');
  });

  it('accepts on the current text when someone typed elsewhere meanwhile', async () => {
    const documentId = await createDocument();
    const created = await suggest(documentId, caips, { quote: '2018', replacement: '2025' });
    await clientEdit(documentId, aleap, (text) => text.insert(0, 'En Wallonie, '));

    expect((await act(created.body.id, facilitator, 'accept')).status).toBe(200);
    expect(await markdownOf(documentId)).toBe('En Wallonie, Le décret de 2025 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n');
  });

  it('orphans the suggestion with 409 when a concurrent edit removed its words, keeping the quote and the text as edited', async () => {
    const documentId = await createDocument();
    const created = await suggest(documentId, caips, { quote: 'décret de 2018', replacement: 'décret de 2025' });
    await clientEdit(documentId, aleap, (text) => text.delete(3, 7)); // "décret "

    const accepted = await act(created.body.id, facilitator, 'accept');

    expect(accepted.status).toBe(409);
    expect(accepted.body.code).toBe('suggestion_orphaned');
    const [listed] = (await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(caips))).body.items as SuggestionDto[];
    expect(listed).toMatchObject({ status: 'orphaned', quote: 'décret de 2018', decidedBy: null });
    expect(await markdownOf(documentId)).toBe('Le de 2018 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n');
  });

  it('never applies a suggestion twice when two people accept it at the same time', async () => {
    const documentId = await createDocument();
    const created = await suggest(documentId, caips, { quote: '2018', replacement: '2025' });

    const answers = await Promise.all([act(created.body.id, facilitator, 'accept'), act(created.body.id, aleap, 'accept')]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await markdownOf(documentId)).toBe('Le décret de 2025 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n');
  });

  it('accept racing an edit of the same words: either accepted with the replacement in the text, or orphaned without it', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const documentId = await createDocument();
      const created = await suggest(documentId, caips, { quote: 'décret de 2018', replacement: 'arrêté de 2025' });

      // The co-editor's edit is made on the text before the acceptance, as a browser's would be.
      const replica = new Y.Doc();
      Y.applyUpdate(replica, await sut.app.get(DocumentBodyService).load(documentId));
      let update: Uint8Array | null = null;
      replica.on('update', (u: Uint8Array) => (update = u));
      textRuns(replica)[0].delete(3, 8); // "décret d"

      const [accepted] = await Promise.all([
        act(created.body.id, facilitator, 'accept'),
        sut.app.get(DocumentStateService).applyClientUpdate(documentId, update as unknown as Uint8Array, aleap.user.id),
      ]);

      const markdown = await markdownOf(documentId);
      const [stored] = (await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(caips))).body.items as SuggestionDto[];
      if (accepted.status === 200) {
        expect(stored.status).toBe('accepted');
        expect(markdown).toContain('arrêté de 2025');
      } else {
        expect(accepted.status).toBe(409);
        expect(stored.status).toBe('orphaned');
        expect(markdown).not.toContain('arrêté');
      }
      expect(markdown).not.toContain('décret de 2018');
    }
  });

  it('orphans open suggestions once an edit deletes their text, and keeps open those whose text is still there', async () => {
    const documentId = await createDocument();
    const doomed = await suggest(documentId, caips, { quote: 'accompagnent', replacement: 'soutiennent' });
    const kept = await suggest(documentId, caips, { quote: 'prévoit', replacement: 'organise' });
    await clientEdit(documentId, aleap, (text) => text.insert(0, 'Aujourd’hui, '));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await sut.app.get(DocumentBodyService).load(documentId));
    doc.transact(() => textRuns(doc)[1].delete(8, 13));
    await sut.app.get(DocumentStateService).applyClientUpdate(documentId, Y.encodeStateAsUpdate(doc), aleap.user.id);

    await sut.app.get(SuggestionsService).checkAnchors(documentId);

    const items = (await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(caips))).body.items as SuggestionDto[];
    expect(items.find((item) => item.id === doomed.body.id)).toMatchObject({ status: 'orphaned', quote: 'accompagnent' });
    expect(items.find((item) => item.id === kept.body.id)).toMatchObject({ status: 'open' });
    expect(heard.some(({ name, suggestion }) => name === 'suggestion.updated' && suggestion.id === doomed.body.id && suggestion.status === 'orphaned')).toBe(true);
    expect((await act(kept.body.id, facilitator, 'accept')).status).toBe(200);
    expect(await markdownOf(documentId)).toBe('Aujourd’hui, Le décret de 2018 organise un parcours.\n\nLes ILI les personnes.\n');
  });

  it('lets observers read but never suggest or decide; only the author withdraws; refusing keeps the text', async () => {
    const documentId = await createDocument([observer.user.id]);
    const created = await suggest(documentId, caips, { quote: 'décret', replacement: 'arrêté' });

    expect((await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(observer))).body.total).toBe(1);
    expect((await suggest(documentId, observer, { quote: 'décret', replacement: 'x' })).status).toBe(403);
    expect((await act(created.body.id, observer, 'accept')).status).toBe(403);
    expect((await act(created.body.id, observer, 'reject')).status).toBe(403);
    const notAuthor = await sut.http().delete(`/api/suggestions/${created.body.id}`).set(auth(aleap));
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.code).toBe('suggestion_author_only');

    const second = await suggest(documentId, aleap, { quote: 'ILI', replacement: 'initiatives locales' });
    const rejected = await act(second.body.id, facilitator, 'reject');
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: { id: facilitator.user.id } });

    const withdrawn = await sut.http().delete(`/api/suggestions/${created.body.id}`).set(auth(caips));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await markdownOf(documentId)).toBe(TEXT);
    const open = await sut.http().get(`/api/documents/${documentId}/suggestions?status=open`).set(auth(caips));
    expect(open.body.total).toBe(0);
  });

  it('refuses new suggestions and acceptance on a withdrawn document, and 404s unknown ids', async () => {
    const documentId = await createDocument();
    const created = await suggest(documentId, caips, { quote: 'décret', replacement: 'arrêté' });
    expect((await sut.http().patch(`/api/documents/${documentId}`).set(auth(facilitator)).send({ status: 'withdrawn' })).status).toBe(200);

    expect((await suggest(documentId, caips, { quote: 'ILI', replacement: 'x' })).status).toBe(403);
    expect((await act(created.body.id, facilitator, 'accept')).status).toBe(403);
    expect((await act('00000000-0000-4000-8000-000000000000', facilitator, 'accept')).status).toBe(404);
    expect((await act('nope', facilitator, 'accept')).status).toBe(400);
  });

  describe('a suggestion’s thread (its card’s comments)', () => {
    const threadOf = (suggestionId: string, session: LoginResponse) => sut.http().get(`/api/suggestions/${suggestionId}/comments`).set(auth(session));
    const reply = (suggestionId: string, session: LoginResponse, body: object) =>
      sut.http().post(`/api/suggestions/${suggestionId}/comments`).set(auth(session)).send(body);
    const commented: DomainEventPayload<'comment.created'>[] = [];
    const mentioned: DomainEventPayload<'comment.mentioned'>[] = [];

    beforeAll(() => {
      const events = sut.app.get(EventEmitter2);
      events.on('comment.created', (payload: DomainEventPayload<'comment.created'>) => commented.push(payload));
      events.on('comment.mentioned', (payload: DomainEventPayload<'comment.mentioned'>) => mentioned.push(payload));
    });

    it('another federation replies on the card, the author answers; the thread is listed oldest first and counted on the suggestion', async () => {
      const documentId = await createDocument();
      const suggestion = (await suggest(documentId, caips, { quote: 'décret de 2018', replacement: 'décret de 2025' })).body as SuggestionDto;
      expect(suggestion.commentCount).toBe(0);

      const question = await reply(suggestion.id, aleap, { body: '  Pourquoi 2025 ? @caips  ' });
      expect(question.status).toBe(201);
      expect(question.body).toMatchObject({
        documentId,
        suggestionId: suggestion.id,
        infoId: null,
        body: 'Pourquoi 2025 ? @caips',
        anchor: null,
        author: { id: aleap.user.id, federation: 'aleap' },
        mentions: ['caips'],
        resolved: false,
        replies: [],
      });
      expect(commented).toContainEqual({ comment: question.body });
      expect(heard).toContainEqual({ name: 'suggestion.updated', suggestion: expect.objectContaining({ id: suggestion.id, commentCount: 1 }) });
      // Named federations hear of it as for any comment on the document.
      expect(mentioned.find((mention) => mention.commentId === question.body.id)?.recipientIds).toContain(caips.user.id);

      const answer = await reply(suggestion.id, caips, { body: 'Le décret a été révisé en 2025.' });
      expect(answer.status).toBe(201);

      const thread = await threadOf(suggestion.id, facilitator);
      expect(thread.status).toBe(200);
      expect(thread.body.total).toBe(2);
      expect(thread.body.items.map((comment: { id: string }) => comment.id)).toEqual([question.body.id, answer.body.id]);
      const [listed] = (await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(aleap))).body.items as SuggestionDto[];
      expect(listed.commentCount).toBe(2);
      // The card holds them: the document's own threads do not show them twice.
      const documentThreads = await sut.http().get(`/api/documents/${documentId}/comments`).set(auth(aleap));
      expect(documentThreads.body).toEqual({ items: [], total: 0 });
      const timeline = await sut.http().get(`/api/documents/${documentId}/timeline`).set(auth(caips));
      const commentEvents = (timeline.body.items as Array<{ type: string; payload: Record<string, unknown> }>).filter((entry) => entry.type === 'comment.created');
      expect(commentEvents.map((entry) => entry.payload.suggestionId)).toEqual([suggestion.id, suggestion.id]);

      // A decided suggestion keeps its thread, and may still be discussed.
      expect((await act(suggestion.id, facilitator, 'reject')).status).toBe(200);
      const after = await reply(suggestion.id, caips, { body: 'Dommage.' });
      expect(after.status).toBe(201);
      expect((await threadOf(suggestion.id, aleap)).body.total).toBe(3);
    });

    it('an invited observer reads and replies; one not invited, like an unknown suggestion, gets 404', async () => {
      const shared = await createDocument([observer.user.id]);
      const onShared = (await suggest(shared, caips, { quote: 'ILI', replacement: 'initiatives locales' })).body as SuggestionDto;
      const observed = await reply(onShared.id, observer, { body: 'Le terme ILI est celui du décret.' });
      expect(observed.status).toBe(201);
      expect(observed.body.author.id).toBe(observer.user.id);
      expect((await threadOf(onShared.id, observer)).body.total).toBe(1);

      const internal = await createDocument();
      const onInternal = (await suggest(internal, caips, { quote: 'ILI', replacement: 'initiatives locales' })).body as SuggestionDto;
      const hidden = await threadOf(onInternal.id, observer);
      expect(hidden.status).toBe(404);
      expect(hidden.body.message).toBe('Suggestion not found');
      expect((await reply(onInternal.id, observer, { body: 'Bonjour' })).status).toBe(404);

      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await threadOf(unknown, facilitator)).status).toBe(404);
      const unknownReply = await reply(unknown, facilitator, { body: 'Bonjour' });
      expect(unknownReply.status).toBe(404);
      expect(unknownReply.body.code).toBe('not_found');
      expect((await threadOf('nope', facilitator)).status).toBe(400);
    });

    it('refuses a missing, empty or too long body and an anchor with 400 naming the field; nobody may reply once the document is archived', async () => {
      const documentId = await createDocument();
      const suggestion = (await suggest(documentId, caips, { quote: 'parcours', replacement: 'trajet' })).body as SuggestionDto;

      const missing = await reply(suggestion.id, aleap, {});
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('validation_failed');
      expect(missing.body.fields.map((field: { field: string }) => field.field)).toEqual(['body']);
      const blank = await reply(suggestion.id, aleap, { body: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.message).toEqual(['body must not be empty']);
      const long = await reply(suggestion.id, aleap, { body: 'x'.repeat(10_001) });
      expect(long.status).toBe(400);
      expect(long.body.message.join(' ')).toMatch(/^body must be shorter/);
      const anchored = await reply(suggestion.id, aleap, { body: 'Ici', anchor: { start: 'AA==', end: 'AA==', quote: 'x' } });
      expect(anchored.status).toBe(400);
      expect(anchored.body.message).toEqual(['property anchor should not exist']);
      const unknownMention = await reply(suggestion.id, aleap, { body: 'Voir @personne-inconnue' });
      expect(unknownMention.status).toBe(400);
      expect(unknownMention.body.message[0]).toMatch(/^body mentions @personne-inconnue/);
      expect((await threadOf(suggestion.id, aleap)).body.total).toBe(0);

      expect((await sut.http().patch(`/api/documents/${documentId}`).set(auth(facilitator)).send({ archived: true })).status).toBe(200);
      expect((await reply(suggestion.id, aleap, { body: 'Trop tard ?' })).status).toBe(403);
      expect((await threadOf(suggestion.id, aleap)).status).toBe(200);
    });

    it('a comment on a suggestion is neither answered apart nor resolved (the card’s thread is flat), but its author may correct it', async () => {
      const documentId = await createDocument();
      const suggestion = (await suggest(documentId, caips, { quote: 'personnes', replacement: 'personnes étrangères' })).body as SuggestionDto;
      const comment = (await reply(suggestion.id, aleap, { body: 'D’accord sur le fond' })).body as { id: string };

      const nested = await sut.http().post(`/api/comments/${comment.id}/replies`).set(auth(caips)).send({ body: 'Merci' });
      expect(nested.status).toBe(400);
      expect(nested.body.code).toBe('suggestion_thread_flat');
      const resolved = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(caips)).send({ resolved: true });
      expect(resolved.status).toBe(400);
      expect(resolved.body.code).toBe('suggestion_thread_flat');

      const edited = await sut.http().patch(`/api/comments/${comment.id}`).set(auth(aleap)).send({ body: 'D’accord sur le fond et la forme' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ suggestionId: suggestion.id, body: 'D’accord sur le fond et la forme', resolved: false });
    });
  });
});
