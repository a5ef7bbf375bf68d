import type { LoginResponse, VersionDto } from '@coupole/shared';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import { EventsService } from '../events/events.service';
import { startTestApp, TestApp } from '../test/test-app';
import { Version } from './version.entity';
import { VersionsService } from './versions.service';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('versions (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let representative: LoginResponse;
  let observer: LoginResponse;
  let state: DocumentStateService;

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });

  async function createDocument(markdown: string, observerIds: string[] = []): Promise<string> {
    const created = await sut
      .http()
      .post('/api/documents')
      .set(auth(facilitator))
      .send({ title: 'Note sur l’intégration', kind: 'note_technique', markdown });
    expect(created.status).toBe(201);
    if (observerIds.length > 0) {
      const invited = await sut.http().patch(`/api/documents/${created.body.id}`).set(auth(facilitator)).send({ observerIds });
      expect(invited.status).toBe(200);
    }
    return created.body.id as string;
  }

  async function freeze(documentId: string, session = representative, body: object = {}) {
    return sut.http().post(`/api/documents/${documentId}/versions`).set(auth(session)).send(body);
  }

  beforeAll(async () => {
    sut = await startTestApp();
    facilitator = await sut.login('secretariat@demo.coupole.be');
    representative = await sut.login('caips@demo.coupole.be');
    observer = await sut.login('observateur@demo.coupole.be');
    state = sut.app.get(DocumentStateService);
  });

  afterAll(() => sut?.close());

  it('freezes the current body: Markdown from the Yjs state, its SHA-256, paragraphs, author and label', async () => {
    const documentId = await createDocument('# Contexte\n\nLes ILI accompagnent les **primo-arrivants**.\n');

    const response = await freeze(documentId, representative, { label: '  Avant relecture  ' });

    expect(response.status).toBe(201);
    const version = response.body as VersionDto;
    expect(version).toMatchObject({
      number: 1,
      label: 'Avant relecture',
      author: { id: representative.user.id, federation: 'caips' },
      markdown: '# Contexte\n\nLes ILI accompagnent les **primo-arrivants**.\n',
    });
    expect(version.contentHash).toBe(sha256(version.markdown));
    expect(version.paragraphs).toEqual([
      { id: expect.stringMatching(/^p-0-[0-9a-f]{8}$/), markdown: '# Contexte' },
      { id: expect.stringMatching(/^p-1-[0-9a-f]{8}$/), markdown: 'Les ILI accompagnent les **primo-arrivants**.' },
    ]);
    const read = await sut.http().get(`/api/documents/${documentId}/versions/1`).set(auth(facilitator));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(version);
    const frozenState = await sut.app.get(VersionsService).yjsState(documentId, 1);
    expect(Buffer.from(frozenState).equals(Buffer.from(await sut.app.get(DocumentBodyService).stateUpdate(documentId)))).toBe(true);
  });

  it('freezes what was edited live since the document was created', async () => {
    const documentId = await createDocument('Premier jet.\n');
    await state.applyServerEdit(documentId, 'Premier jet.\n\nAjout en direct.\n', representative.user.id);

    const response = await freeze(documentId);

    expect(response.body.markdown).toBe('Premier jet.\n\nAjout en direct.\n');
    expect(response.body.contentHash).toBe(sha256('Premier jet.\n\nAjout en direct.\n'));
  });

  it('gives concurrent freezes distinct, consecutive numbers', async () => {
    const documentId = await createDocument('Texte à figer plusieurs fois.\n');

    const responses = await Promise.all(Array.from({ length: 8 }, () => freeze(documentId)));

    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    const numbers = responses.map((response) => response.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const list = await sut.http().get(`/api/documents/${documentId}/versions`).set(auth(representative));
    expect(list.body.total).toBe(8);
    expect(list.body.items.map((item: { number: number }) => item.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list.body.items[0]).not.toHaveProperty('markdown');
    expect(list.body.items[0]).toMatchObject({ contentHash: sha256('Texte à figer plusieurs fois.\n'), author: { displayName: expect.any(String) } });
  });

  it('records version.created on the timeline', async () => {
    const documentId = await createDocument('Pour la frise.\n');
    await freeze(documentId, representative, { label: 'v1' });

    const timeline = await sut.app.get(EventsService).timeline(documentId);

    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        type: 'version.created',
        actor: expect.objectContaining({ id: representative.user.id }),
        payload: { versionNumber: 1, label: 'v1', contentHash: sha256('Pour la frise.\n') },
      }),
    );
  });

  it('refuses a version to observers (read-only), even on a document they are invited to', async () => {
    const documentId = await createDocument('Texte partagé.\n', [observer.user.id]);

    expect((await freeze(documentId, observer)).status).toBe(403);
    expect((await sut.http().get(`/api/documents/${documentId}/versions`).set(auth(observer))).status).toBe(200);
  });

  it('hides the versions of a document an observer is not invited to (404)', async () => {
    const documentId = await createDocument('Texte interne.\n');
    await freeze(documentId);

    expect((await sut.http().get(`/api/documents/${documentId}/versions`).set(auth(observer))).status).toBe(404);
    expect((await sut.http().get(`/api/documents/${documentId}/versions/1`).set(auth(observer))).status).toBe(404);
    expect((await sut.http().get(`/api/documents/${documentId}/diff?from=1`).set(auth(observer))).status).toBe(404);
    expect((await freeze(documentId, observer)).status).toBe(404);
  });

  it('answers 400 naming the field for a bad label, id or number, and 404 for an unknown version', async () => {
    const documentId = await createDocument('Texte.\n');

    const badLabel = await freeze(documentId, representative, { label: 'x'.repeat(201) });
    expect(badLabel.status).toBe(400);
    expect(badLabel.body.message).toEqual([expect.stringContaining('label')]);
    const unknownField = await freeze(documentId, representative, { number: 3 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toEqual([expect.stringContaining('number')]);
    const badId = await sut.http().get('/api/documents/pas-un-uuid/versions').set(auth(representative));
    expect(badId.status).toBe(400);
    expect(badId.body.message).toEqual([expect.stringContaining('id')]);
    const badNumber = await sut.http().get(`/api/documents/${documentId}/versions/0`).set(auth(representative));
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.message.join(' ')).toContain('number');
    expect((await sut.http().get(`/api/documents/${documentId}/versions/7`).set(auth(representative))).status).toBe(404);
  });

  describe('diff', () => {
    let documentId: string;

    beforeAll(async () => {
      documentId = await createDocument('Le texte initial reste court.\n\nUn paragraphe qui partira.\n');
      await freeze(documentId);
      await state.applyServerEdit(documentId, 'Le texte modifié reste court.\n\nUn ajout tout neuf.\n', representative.user.id);
      await freeze(documentId);
    });

    it('shows word insertions and deletions between two versions, paragraph by paragraph', async () => {
      const response = await sut.http().get(`/api/documents/${documentId}/diff?from=1&to=2`).set(auth(facilitator));

      expect(response.status).toBe(200);
      expect(response.body.parts).toEqual(
        expect.arrayContaining([
          { op: 'delete', text: 'initial' },
          { op: 'insert', text: 'modifié' },
          { op: 'equal', text: expect.stringContaining('reste court') },
        ]),
      );
      expect(response.body.paragraphs.map((change: { op: string }) => change.op)).toEqual(['change', 'change']);
      expect(response.body.from).toEqual({ version: 1, contentHash: sha256('Le texte initial reste court.\n\nUn paragraphe qui partira.\n') });
      expect(response.body.to.version).toBe(2);
    });

    it('compares with the current draft when `to` is left out or is "draft"', async () => {
      await state.applyServerEdit(documentId, 'Le texte modifié reste court.\n\nUn ajout tout neuf.\n\nEt une suite.\n', representative.user.id);

      const omitted = await sut.http().get(`/api/documents/${documentId}/diff?from=2`).set(auth(representative));
      const draft = await sut.http().get(`/api/documents/${documentId}/diff?from=2&to=draft`).set(auth(representative));

      expect(omitted.status).toBe(200);
      expect(omitted.body).toEqual(draft.body);
      expect(omitted.body.to.version).toBe('draft');
      expect(omitted.body.paragraphs.map((change: { op: string }) => change.op)).toEqual(['equal', 'equal', 'insert']);
    });

    it('answers 400 naming from or to when they are not version numbers, and 404 for an unknown one', async () => {
      const noFrom = await sut.http().get(`/api/documents/${documentId}/diff`).set(auth(representative));
      expect(noFrom.status).toBe(400);
      expect(noFrom.body.message).toEqual([expect.stringMatching(/^from /)]);
      const badFrom = await sut.http().get(`/api/documents/${documentId}/diff?from=un`).set(auth(representative));
      expect(badFrom.body.message).toEqual(['from must be a version number or "draft"']);
      const badTo = await sut.http().get(`/api/documents/${documentId}/diff?from=1&to=0`).set(auth(representative));
      expect(badTo.status).toBe(400);
      expect(badTo.body.message).toEqual(['to must be a version number or "draft"']);
      const twice = await sut.http().get(`/api/documents/${documentId}/diff?from=1&from=2`).set(auth(representative));
      expect(twice.status).toBe(400);
      expect((await sut.http().get(`/api/documents/${documentId}/diff?from=1&to=9`).set(auth(representative))).status).toBe(404);
    });
  });

  describe('restore', () => {
    it('makes an old version the draft again as a new edit, keeping every version as it was', async () => {
      const documentId = await createDocument('Version une.\n\nParagraphe stable.\n');
      const first = (await freeze(documentId)).body as VersionDto;
      await state.applyServerEdit(documentId, 'Version deux, réécrite.\n\nParagraphe stable.\n', representative.user.id);
      const second = (await freeze(documentId)).body as VersionDto;

      const restored = await sut.http().post(`/api/documents/${documentId}/versions/1/restore`).set(auth(representative));

      expect(restored.status).toBe(200);
      expect(restored.body).toEqual({ restoredFrom: 1, changed: true, markdown: first.markdown, contentHash: first.contentHash });
      const third = (await freeze(documentId)).body as VersionDto;
      expect(third.number).toBe(3);
      expect(third.markdown).toBe(first.markdown);
      expect(third.contentHash).toBe(first.contentHash);
      expect((await sut.http().get(`/api/documents/${documentId}/versions/2`).set(auth(representative))).body).toEqual(second);
      const timeline = await sut.app.get(EventsService).timeline(documentId);
      expect(timeline.items).toContainEqual(
        expect.objectContaining({ type: 'document.restored', payload: { versionNumber: 1, contentHash: first.contentHash } }),
      );
    });

    it('reports no change when the draft already has the version’s text', async () => {
      const documentId = await createDocument('Inchangé.\n');
      await freeze(documentId);

      const restored = await sut.http().post(`/api/documents/${documentId}/versions/1/restore`).set(auth(facilitator));

      expect(restored.status).toBe(200);
      expect(restored.body.changed).toBe(false);
    });

    it('refuses restoring to observers and answers 404 for an unknown version', async () => {
      const documentId = await createDocument('Texte.\n', [observer.user.id]);
      await freeze(documentId);

      expect((await sut.http().post(`/api/documents/${documentId}/versions/1/restore`).set(auth(observer))).status).toBe(403);
      expect((await sut.http().post(`/api/documents/${documentId}/versions/2/restore`).set(auth(representative))).status).toBe(404);
    });
  });

  it('refuses a database update of a frozen version', async () => {
    const documentId = await createDocument('Immuable.\n');
    await freeze(documentId);

    await expect(
      sut.app.get(DataSource).getRepository(Version).update({ documentId, number: 1 }, { markdown: 'falsifié' }),
    ).rejects.toThrow(/immutable/);
  });
});
