import { anchorAt, textRuns, type LoginResponse } from '@coupole/shared';
import * as Y from 'yjs';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import { demoLogins } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';

describe('paragraph and format suggestions (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let caips: LoginResponse;
  let aleap: LoginResponse;

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
  const TEXT = 'Le décret de 2018 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n\n- un\n- deux\n';

  async function createDocument(): Promise<string> {
    const created = await sut.http().post('/api/documents').set(auth(facilitator)).send({ title: 'Note', kind: 'note_technique', markdown: TEXT });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  const suggest = (documentId: string, session: LoginResponse, body: object) =>
    sut.http().post(`/api/documents/${documentId}/suggestions`).set(auth(session)).send(body);
  const act = (suggestionId: string, session: LoginResponse, action: 'accept' | 'reject') =>
    sut.http().post(`/api/suggestions/${suggestionId}/${action}`).set(auth(session));
  const markdownOf = async (documentId: string) => sut.app.get(DocumentBodyService).currentMarkdown(documentId);

  beforeAll(async () => {
    sut = await startTestApp();
    ({ secretariat: facilitator, caips, aleap } = await demoLogins(sut, ['secretariat', 'caips', 'aleap']));
  });

  afterAll(() => sut?.close());

  it('a new paragraph through the { quote, replacement } form: kind paragraph, accepted into the text as its own paragraph', async () => {
    const documentId = await createDocument();

    const created = await suggest(documentId, caips, { quote: 'prévoit un parcours.', replacement: 'prévoit un parcours.\n\nUn paragraphe ajouté.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'paragraph', format: null, status: 'open', federation: 'caips' });
    const listed = await sut.http().get(`/api/documents/${documentId}/suggestions?status=open`).set(auth(aleap));
    expect(listed.body.items).toEqual([created.body]);

    const accepted = await act(created.body.id, aleap, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: { id: aleap.user.id } });
    expect(await markdownOf(documentId)).toBe('Le décret de 2018 prévoit un parcours.\n\nUn paragraphe ajouté.\n\nLes ILI accompagnent les personnes.\n\n- un\n- deux\n');
  });

  it('a join of two paragraphs quoted across the break, and a split at the editor’s anchor', async () => {
    const documentId = await createDocument();
    const join = await suggest(documentId, caips, { quote: 'parcours.\n\nLes ILI', replacement: 'parcours : les ILI' });
    expect(join.status).toBe(201);
    expect(join.body.kind).toBe('paragraph');
    expect((await act(join.body.id, facilitator, 'accept')).status).toBe(200);
    expect(await markdownOf(documentId)).toBe('Le décret de 2018 prévoit un parcours : les ILI accompagnent les personnes.\n\n- un\n- deux\n');

    const doc = new Y.Doc();
    Y.applyUpdate(doc, await sut.app.get(DocumentBodyService).load(documentId));
    const anchor = anchorAt({ text: textRuns(doc)[0], index: 'Le décret de 2018 prévoit un parcours :'.length }, 0);
    const split = await suggest(documentId, aleap, { quote: '', replacement: '\n\nEnsuite,', anchor });
    expect(split.status).toBe(201);
    expect(split.body).toMatchObject({ kind: 'paragraph', anchor });
    expect((await act(split.body.id, facilitator, 'accept')).status).toBe(200);
    expect(await markdownOf(documentId)).toBe('Le décret de 2018 prévoit un parcours :\n\nEnsuite, les ILI accompagnent les personnes.\n\n- un\n- deux\n');
  });

  it('format suggestions: a mark and a heading, stored as data, applied without changing a word; refusing leaves the text', async () => {
    const documentId = await createDocument();

    const bold = await suggest(documentId, caips, { quote: 'décret de 2018', format: { mark: 'bold', action: 'add' } });
    expect(bold.status).toBe(201);
    expect(bold.body).toMatchObject({ kind: 'format', quote: 'décret de 2018', replacement: 'décret de 2018', format: { mark: 'bold', action: 'add' } });
    const heading = await suggest(documentId, caips, { quote: 'Les ILI accompagnent', replacement: 'Les ILI accompagnent', format: { block: 'heading', level: 2 } });
    expect(heading.status).toBe(201);
    const list = await suggest(documentId, aleap, { quote: 'un\n\ndeux', format: { block: 'orderedList' } });
    expect(list.status).toBe(201);

    expect((await act(bold.body.id, facilitator, 'accept')).status).toBe(200);
    expect((await act(heading.body.id, facilitator, 'accept')).status).toBe(200);
    expect((await act(list.body.id, facilitator, 'reject')).body.status).toBe('rejected');
    expect(await markdownOf(documentId)).toBe('Le **décret de 2018** prévoit un parcours.\n\n## Les ILI accompagnent les personnes.\n\n- un\n- deux\n');
  });

  it('orphans a paragraph suggestion with 409 when a paragraph was added between the joined ones', async () => {
    const documentId = await createDocument();
    const join = await suggest(documentId, caips, { quote: 'parcours.\n\nLes ILI', replacement: 'parcours. Les ILI' });
    expect(join.status).toBe(201);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, await sut.app.get(DocumentBodyService).load(documentId));
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.transact(() => {
      const between = new Y.XmlElement('paragraph');
      doc.getXmlFragment('default').insert(1, [between]);
      between.insert(0, [new Y.XmlText('Milieu.')]);
    });
    await sut.app.get(DocumentStateService).applyClientUpdate(documentId, update as unknown as Uint8Array, caips.user.id);

    const accepted = await act(join.body.id, facilitator, 'accept');
    expect(accepted.status).toBe(409);
    const [after] = (await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(caips))).body.items;
    expect(after).toMatchObject({ status: 'orphaned', quote: 'parcours.\n\nLes ILI' });
    expect(await markdownOf(documentId)).toBe('Le décret de 2018 prévoit un parcours.\n\nMilieu.\n\nLes ILI accompagnent les personnes.\n\n- un\n- deux\n');
  });

  it('400s naming the field: bad format, format with another replacement, stray line break, a join of two list items', async () => {
    const documentId = await createDocument();
    const cases: Array<[object, string, RegExp]> = [
      [{ quote: 'décret', format: { mark: 'bold' } }, 'suggestion_invalid_format', /^format\.action/],
      [{ quote: 'décret', format: { block: 'heading', level: 7 } }, 'validation_failed', /^format\.level/],
      [{ quote: 'décret', format: { mark: 'link', action: 'add' } }, 'validation_failed', /^format\.mark/],
      [{ quote: 'décret', replacement: 'arrêté', format: { mark: 'italic', action: 'add' } }, 'suggestion_invalid_format', /^replacement must be omitted or equal to quote/],
      [{ quote: '', format: { mark: 'italic', action: 'add' } }, 'suggestion_invalid_format', /^quote must not be empty/],
      [{ quote: 'décret', replacement: 'dé\ncret' }, 'suggestion_not_applicable', /^replacement may break lines only between paragraphs/],
      [{ quote: 'un\n\ndeux', replacement: 'un deux' }, 'suggestion_not_applicable', /consecutive paragraphs/],
      [{ quote: 'deux', format: { block: 'heading', level: 2 } }, 'suggestion_not_applicable', /^format\.block heading/],
    ];
    for (const [body, code, message] of cases) {
      const refused = await suggest(documentId, caips, body);
      expect({ body, status: refused.status, code: refused.body.code }).toEqual({ body, status: 400, code });
      expect(refused.body.message).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    }
    const missing = await suggest(documentId, caips, { quote: 'décret' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((field: { field: string }) => field.field)).toEqual(['replacement']);
    expect(await markdownOf(documentId)).toBe(TEXT);
  });
});
