import type { DocumentDetailDto, DocumentListItemDto, LoginResponse } from '@coupole/shared';
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { DataSource } from 'typeorm';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { startTestApp, TestApp } from '../test/test-app';
import { DEMO_DOCUMENTS } from '../seed/demo/documents.seed';
import { DocumentsService } from './documents.service';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('documents (integration)', () => {
  let sut: TestApp;
  let secretariat: LoginResponse;
  let aleap: LoginResponse;
  let observer: LoginResponse;
  let admin: LoginResponse;

  const as = (session: LoginResponse) => ({
    get: (path: string) => sut.http().get(path).set('Authorization', `Bearer ${session.accessToken}`),
    post: (path: string) => sut.http().post(path).set('Authorization', `Bearer ${session.accessToken}`),
    patch: (path: string) => sut.http().patch(path).set('Authorization', `Bearer ${session.accessToken}`),
  });

  async function create(session: LoginResponse, body: object): Promise<DocumentDetailDto> {
    const response = await as(session).post('/api/documents').send(body);
    expect(response.status).toBe(201);
    return response.body as DocumentDetailDto;
  }

  beforeAll(async () => {
    sut = await startTestApp();
    [secretariat, aleap, observer, admin] = await Promise.all([
      sut.login('secretariat@demo.coupole.be'),
      sut.login('aleap@demo.coupole.be'),
      sut.login('observateur@demo.coupole.be'),
      sut.login('admin@demo.coupole.be'),
    ]);
  });

  afterAll(() => sut?.close());

  describe('POST /api/documents', () => {
    it('creates a draft whose Markdown body is stored once, canonically, and logged on the timeline', async () => {
      const markdown = '# Note FLE\n\nLes *ILI* demandent un **financement** stable.\n\n* un\n* deux\n';

      const created = await create(aleap, { title: '  Note sur les cours de FLE  ', kind: 'note_technique', markdown });

      expect(created).toMatchObject({
        title: 'Note sur les cours de FLE',
        kind: 'note_technique',
        status: 'drafting',
        markdown: '# Note FLE\n\nLes *ILI* demandent un **financement** stable.\n\n- un\n- deux\n',
        createdBy: { id: aleap.user.id, displayName: 'Nadia Benali', federation: 'aleap' },
        observers: [],
        permissions: { read: true, edit: true, comment: true, manage: false },
      });
      const read = await as(secretariat).get(`/api/documents/${created.id}`);
      expect(read.status).toBe(200);
      expect(read.body.markdown).toBe(created.markdown);
      expect(read.body.permissions).toEqual({ read: true, edit: true, comment: true, manage: true });
      const timeline = await as(secretariat).get(`/api/documents/${created.id}/timeline`);
      expect(timeline.body).toMatchObject({ total: 1, items: [{ type: 'document.created', actor: { id: aleap.user.id }, payload: { title: 'Note sur les cours de FLE' } }] });
    });

    it('creates an empty document when no body is given', async () => {
      const created = await create(secretariat, { title: 'Analyse vide', kind: 'analyse' });
      expect(created.markdown).toBe('');
    });

    it('refuses observers (403)', async () => {
      const response = await as(observer).post('/api/documents').send({ title: 'Non', kind: 'analyse' });
      expect(response.status).toBe(403);
    });

    it.each([
      [{ title: 'x', kind: 'roman' }, 'kind must be one of the following values'],
      [{ title: '   ', kind: 'analyse' }, 'title should not be empty'],
      [{ kind: 'analyse' }, 'title must be a string'],
      [{ title: 'x', kind: 'analyse', color: 'red' }, 'property color should not exist'],
      [{ title: 'x', kind: 'analyse', markdown: 42 }, 'markdown must be a string'],
      [{ title: 'x', kind: 'analyse', markdown: null }, 'markdown must be a string'],
      [{ title: 'x'.repeat(301), kind: 'analyse' }, 'title must be shorter than or equal to 300 characters'],
    ])('rejects %j with a 400 naming the field', async (body, message) => {
      const response = await as(secretariat).post('/api/documents').send(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    });
  });

  describe('GET /api/documents', () => {
    let invited: DocumentDetailDto;

    beforeAll(async () => {
      await create(secretariat, {
        title: 'Question parlementaire sur les intégrations locales',
        kind: 'question_parlementaire',
        markdown: 'Combien d’**intégrations** réussies en 2024 ?',
      });
      invited = await create(secretariat, { title: 'Communiqué commun', kind: 'communique', markdown: 'La Coupole salue la réforme.' });
      await as(secretariat).patch(`/api/documents/${invited.id}`).send({ observerIds: [observer.user.id] }).expect(200);
    });

    it('lists every document for staff, newest edit first, without the body but with an excerpt', async () => {
      const response = await as(aleap).get('/api/documents');

      expect(response.status).toBe(200);
      const items = response.body.items as DocumentListItemDto[];
      expect(response.body.total).toBe(items.length);
      expect(items.length).toBeGreaterThanOrEqual(DEMO_DOCUMENTS.length + 3);
      const times = items.map((item) => Date.parse(item.lastEditedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(items[0]).not.toHaveProperty('markdown');
      expect(items.find((item) => item.id === invited.id)).toMatchObject({ excerpt: 'La Coupole salue la réforme.', editors: [] });
    });

    it('finds French words across plurals and accents (q=integration finds “intégrations”)', async () => {
      for (const q of ['intégration', 'integration', 'INTÉGRATIONS']) {
        const response = await as(aleap).get('/api/documents').query({ q });
        const titles = (response.body.items as DocumentListItemDto[]).map((item) => item.title);
        expect(titles).toContain('Question parlementaire sur les intégrations locales');
        expect(titles).not.toContain('Communiqué commun');
      }
    });

    it('searches the body too, and combines the search with the filters', async () => {
      const both = await as(aleap).get('/api/documents').query({ q: 'réussies', kind: 'question_parlementaire', status: 'drafting' });
      expect(both.body.items.map((item: DocumentListItemDto) => item.title)).toEqual(['Question parlementaire sur les intégrations locales']);
      const otherKind = await as(aleap).get('/api/documents').query({ q: 'réussies', kind: 'memorandum' });
      expect(otherKind.body).toEqual({ items: [], total: 0 });
    });

    it('filters by kind and status', async () => {
      const memoranda = await as(aleap).get('/api/documents').query({ kind: 'memorandum' });
      expect(memoranda.body.items.map((item: DocumentListItemDto) => item.title)).toEqual(['Mémorandum 2026 de la Coupole']);
      const withdrawnDraft = await create(secretariat, { title: 'Brouillon abandonné', kind: 'communique' });
      await as(secretariat).patch(`/api/documents/${withdrawnDraft.id}`).send({ status: 'withdrawn' }).expect(200);

      const withdrawn = await as(aleap).get('/api/documents').query({ status: 'withdrawn' });
      const drafting = await as(aleap).get('/api/documents').query({ status: 'drafting', kind: 'communique' });

      expect(withdrawn.body.items.map((item: DocumentListItemDto) => item.id)).toContain(withdrawnDraft.id);
      expect(withdrawn.body.items.every((item: DocumentListItemDto) => item.status === 'withdrawn')).toBe(true);
      expect(drafting.body.items.map((item: DocumentListItemDto) => item.title)).toEqual(['Communiqué commun']);
    });

    it('shows observers only the documents they are invited to (the demo seed invites them to two)', async () => {
      const response = await as(observer).get('/api/documents');

      expect(response.body.total).toBe(3);
      const ids = response.body.items.map((item: DocumentListItemDto) => item.id);
      expect(ids).toContain(invited.id);
      expect([...ids].sort()).toEqual([...(await sut.app.get(DocumentsService).observedDocumentIds(observer.user.id))].sort());
      expect(response.body.items.map((item: DocumentListItemDto) => item.title)).toEqual(
        expect.arrayContaining(['Note propositionnelle — réforme 2025 du Parcours d’intégration', 'Mémorandum 2026 de la Coupole']),
      );
    });

    it('pages with limit and offset, total counting every match', async () => {
      const page = await as(aleap).get('/api/documents').query({ limit: 2, offset: 1 });
      const everything = await as(aleap).get('/api/documents');
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBe(everything.body.total);
      expect(page.body.items.map((item: DocumentListItemDto) => item.id)).toEqual(everything.body.items.slice(1, 3).map((item: DocumentListItemDto) => item.id));
    });

    it.each([
      [{ kind: 'roman' }, 'kind must be one of the following values'],
      [{ status: 'archived' }, 'status must be one of the following values'],
      [{ limit: '0' }, 'limit must not be less than 1'],
      [{ limit: 'many' }, 'limit must be an integer number'],
      [{ sort: 'title' }, 'property sort should not exist'],
    ])('rejects the query %j with a 400 naming the parameter', async (query, message) => {
      const response = await as(aleap).get('/api/documents').query(query);
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    });
  });

  describe('GET /api/documents/:id', () => {
    it('answers 404 for an unknown document and 400 naming id for a malformed one', async () => {
      expect((await as(aleap).get(`/api/documents/${UNKNOWN_ID}`)).status).toBe(404);
      const malformed = await as(aleap).get('/api/documents/not-a-uuid');
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toEqual(['id must be a UUID']);
    });

    it('hides a document from an observer who is not invited (404, as if it did not exist)', async () => {
      const hidden = await create(secretariat, { title: 'Analyse interne', kind: 'analyse' });
      expect((await as(observer).get(`/api/documents/${hidden.id}`)).status).toBe(404);
      expect((await as(observer).get(`/api/documents/${hidden.id}/timeline`)).status).toBe(404);
    });

    it('serves the seeded demo documents with their French Markdown bodies', async () => {
      const list = await as(aleap).get('/api/documents').query({ kind: 'memorandum' });
      const response = await as(aleap).get(`/api/documents/${list.body.items[0].id}`);
      expect(response.body.markdown).toContain('| Mesure | Budget annuel estimé | Échéance |');
      expect(response.body.createdBy.displayName).toBe('Julien Dethier');
    });
  });

  describe('PATCH /api/documents/:id', () => {
    it('renames a document and records it on the timeline (secretariat)', async () => {
      const document = await create(secretariat, { title: 'Brouillon', kind: 'analyse' });

      const response = await as(secretariat).patch(`/api/documents/${document.id}`).send({ title: 'Analyse des listes d’attente FLE' });

      expect(response.status).toBe(200);
      expect(response.body.title).toBe('Analyse des listes d’attente FLE');
      const timeline = await as(aleap).get(`/api/documents/${document.id}/timeline`);
      expect(timeline.body.items.map((item: { type: string }) => item.type)).toEqual(['document.created', 'document.renamed']);
      expect(timeline.body.items[1].payload).toEqual({ title: 'Analyse des listes d’attente FLE', previousTitle: 'Brouillon' });
    });

    it('lets neither representatives nor invited observers manage a document (403), and hides it from others (404)', async () => {
      const document = await create(aleap, { title: 'Note de l’ALEAP', kind: 'note_technique' });
      expect((await as(aleap).patch(`/api/documents/${document.id}`).send({ title: 'Autre' })).status).toBe(403);
      expect((await as(observer).patch(`/api/documents/${document.id}`).send({ title: 'Autre' })).status).toBe(404);
      await as(admin).patch(`/api/documents/${document.id}`).send({ observerIds: [observer.user.id] }).expect(200);
      expect((await as(observer).patch(`/api/documents/${document.id}`).send({ title: 'Autre' })).status).toBe(403);
      expect((await as(observer).patch(`/api/documents/${document.id}`).send({ observerIds: [] })).status).toBe(403);
    });

    it('lets the representative who started a document invite and remove observers, not another one, and not rename with it', async () => {
      const document = await create(aleap, { title: 'Note de l’ALEAP à partager', kind: 'note_technique' });
      const codef = await sut.login('codef@demo.coupole.be');

      const invite = await as(aleap).patch(`/api/documents/${document.id}`).send({ observerIds: [observer.user.id] });
      expect(invite.status).toBe(200);
      expect(invite.body.observers).toEqual([{ id: observer.user.id, displayName: 'Thomas Leclercq', federation: null }]);
      expect((await as(observer).get(`/api/documents/${document.id}`)).status).toBe(200);
      const byOther = await as(codef).patch(`/api/documents/${document.id}`).send({ observerIds: [] });
      expect(byOther.status).toBe(403);
      expect(byOther.body.code).toBe('invite_not_allowed');
      expect((await as(aleap).patch(`/api/documents/${document.id}`).send({ title: 'Autre', observerIds: [] })).status).toBe(403);
      await as(aleap).patch(`/api/documents/${document.id}`).send({ observerIds: [] }).expect(200);
      expect((await as(observer).get(`/api/documents/${document.id}`)).status).toBe(404);
    });

    it('lists the active observer accounts one may invite, names only, to members', async () => {
      const response = await as(aleap).get('/api/users/observers');
      expect(response.status).toBe(200);
      expect(response.body.items).toContainEqual({ id: observer.user.id, displayName: 'Thomas Leclercq', federation: null });
      expect(JSON.stringify(response.body)).not.toContain('@');
      expect((await as(observer).get('/api/users/observers')).status).toBe(403);
    });

    it('withdraws a draft, after which nobody may edit it', async () => {
      const document = await create(secretariat, { title: 'À retirer', kind: 'communique', markdown: 'Texte.' });

      const response = await as(secretariat).patch(`/api/documents/${document.id}`).send({ status: 'withdrawn' });

      expect(response.status).toBe(200);
      expect(response.body.status).toBe('withdrawn');
      expect(response.body.permissions).toEqual({ read: true, edit: false, comment: true, manage: true });
      await expect(sut.app.get(DocumentsService).assertCan(aleap.user, document.id, 'edit')).rejects.toMatchObject({ status: 403 });
      const freeze = await as(secretariat).post(`/api/documents/${document.id}/versions`).send({});
      expect(freeze.status).toBe(403);
      expect(freeze.body).toMatchObject({ code: 'document_read_only', message: 'This document is withdrawn: it can no longer be changed' });
      const again = await as(secretariat).patch(`/api/documents/${document.id}`).send({ status: 'withdrawn' });
      expect(again.status).toBe(200);
      const timeline = await as(secretariat).get(`/api/documents/${document.id}/timeline`);
      expect(timeline.body.items.filter((item: { type: string }) => item.type === 'document.withdrawn')).toHaveLength(1);
    });

    it('refuses to withdraw an adopted document (409) or one under a round (409)', async () => {
      const service = sut.app.get(DocumentsService);
      const dataSource = sut.app.get(DataSource);
      for (const status of ['adopted', 'in_round'] as const) {
        const document = await create(secretariat, { title: `Texte ${status}`, kind: 'note_politique' });
        await dataSource.transaction((manager) => service.setStatus(manager, document.id, status));

        const response = await as(secretariat).patch(`/api/documents/${document.id}`).send({ status: 'withdrawn' });

        expect(response.status).toBe(409);
        expect(response.body.message).toEqual([expect.stringMatching(/^status: /)]);
      }
    });

    describe('archiving', () => {
      it('lets the author archive a draft: read-only for all, out of the default list, in the archived one, and back on unarchiving', async () => {
        const document = await create(aleap, { title: 'Note à archiver', kind: 'analyse', markdown: 'Texte ancien.' });
        const codef = await sut.login('codef@demo.coupole.be');

        const refused = await as(codef).patch(`/api/documents/${document.id}`).send({ archived: true });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('archive_not_allowed');

        const archived = await as(aleap).patch(`/api/documents/${document.id}`).send({ archived: true });
        expect(archived.status).toBe(200);
        expect(archived.body).toMatchObject({ status: 'drafting', archivedBy: { id: aleap.user.id }, permissions: { read: true, edit: false, comment: false } });
        expect(archived.body.archivedAt).toEqual(expect.any(String));
        await expect(sut.app.get(DocumentsService).assertCan(secretariat.user, document.id, 'edit')).rejects.toMatchObject({ status: 403 });
        const comment = await as(codef).post(`/api/documents/${document.id}/comments`).send({ body: 'Encore un mot.' });
        expect(comment.status).toBe(403);
        expect(comment.body.code).toBe('document_archived');
        const rename = await as(secretariat).patch(`/api/documents/${document.id}`).send({ title: 'Autre' });
        expect(rename.status).toBe(409);
        expect(rename.body.code).toBe('document_archived');
        expect((await as(secretariat).get(`/api/documents/${document.id}`)).status).toBe(200);

        const ids = async (query: object) => ((await as(secretariat).get('/api/documents').query({ limit: 200, ...query })).body.items as Array<{ id: string }>).map((item) => item.id);
        expect(await ids({})).not.toContain(document.id);
        expect(await ids({ archived: 'true' })).toEqual(expect.arrayContaining([document.id]));
        expect(await ids({ archived: 'true' })).not.toContain((await create(secretariat, { title: 'Vivant', kind: 'analyse' })).id);
        expect((await as(secretariat).get('/api/documents').query({ archived: 'yes' })).status).toBe(400);

        const unarchived = await as(secretariat).patch(`/api/documents/${document.id}`).send({ archived: false, title: 'Note reprise' });
        expect(unarchived.status).toBe(200);
        expect(unarchived.body).toMatchObject({ title: 'Note reprise', archivedAt: null, archivedBy: null, permissions: { edit: true, comment: true } });
        await sut.app.get(DocumentsService).assertCan(aleap.user, document.id, 'edit');
        const timeline = await as(secretariat).get(`/api/documents/${document.id}/timeline`);
        expect(timeline.body.items.map((item: { type: string }) => item.type)).toEqual(expect.arrayContaining(['document.archived', 'document.unarchived']));
      });

      it('refuses to archive a document under a round (409) and to open a round on an archived one (409)', async () => {
        const service = sut.app.get(DocumentsService);
        const inRound = await create(secretariat, { title: 'Sous tour', kind: 'note_politique' });
        await sut.app.get(DataSource).transaction((manager) => service.setStatus(manager, inRound.id, 'in_round'));
        const refused = await as(secretariat).patch(`/api/documents/${inRound.id}`).send({ archived: true });
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('archive_round_open');

        const document = await create(secretariat, { title: 'Archivé sans tour', kind: 'note_politique', markdown: 'Texte.' });
        await as(secretariat).post(`/api/documents/${document.id}/versions`).send({}).expect(201);
        await as(secretariat).patch(`/api/documents/${document.id}`).send({ archived: true }).expect(200);
        const round = await as(secretariat)
          .post(`/api/documents/${document.id}/rounds`)
          .send({ version: 1, question: 'Adopter ?', closesAt: new Date(Date.now() + 86_400_000).toISOString(), rule: 'consensus' });
        expect(round.status).toBe(409);
        expect(round.body.code).toBe('document_archived');
      });

      it('keeps an archived adopted text adopted, readable, exportable and in the register', async () => {
        // The demo memorandum, adopted by a decision of the seeded register.
        const decided = ((await as(aleap).get('/api/decisions')).body.items as Array<{ seq: number; documentId: string; outcome: string }>).find((decision) =>
          decision.outcome.startsWith('adopted'),
        )!;
        const adopted = { id: decided.documentId };
        await as(secretariat).patch(`/api/documents/${adopted.id}`).send({ archived: true }).expect(200);

        const read = await as(aleap).get(`/api/documents/${adopted.id}`);
        expect(read.body).toMatchObject({ status: 'adopted', archivedBy: { id: secretariat.user.id } });
        const decisions = await as(aleap).get('/api/decisions');
        expect(decisions.body.items.map((decision: { documentId: string }) => decision.documentId)).toContain(adopted.id);
        expect((await as(aleap).get(`/api/decisions/${decided.seq}`)).status).toBe(200);
        expect((await as(aleap).get(`/api/documents/${adopted.id}/export`).query({ format: 'md' })).status).toBe(200);
        await as(secretariat).patch(`/api/documents/${adopted.id}`).send({ archived: false }).expect(200);
      });
    });

    it('invites and uninvites observers, only observer accounts', async () => {
      const document = await create(secretariat, { title: 'Invitation', kind: 'analyse' });
      const invite = await as(secretariat).patch(`/api/documents/${document.id}`).send({ observerIds: [observer.user.id] });
      expect(invite.body.observers).toEqual([{ id: observer.user.id, displayName: 'Thomas Leclercq', federation: null }]);
      expect((await as(observer).get(`/api/documents/${document.id}`)).body.permissions).toEqual({ read: true, edit: false, comment: true, manage: false });

      const notObserver = await as(secretariat).patch(`/api/documents/${document.id}`).send({ observerIds: [aleap.user.id] });
      expect(notObserver.status).toBe(400);
      expect(notObserver.body.message[0]).toMatch(/^observerIds /);
      expect(notObserver.body).toMatchObject({ code: 'observers_invalid', fields: [{ field: 'observerIds', constraints: ['existing'] }] });

      await as(secretariat).patch(`/api/documents/${document.id}`).send({ observerIds: [] }).expect(200);
      expect((await as(observer).get(`/api/documents/${document.id}`)).status).toBe(404);
      const timeline = await as(secretariat).get(`/api/documents/${document.id}/timeline`);
      expect(timeline.body.items.filter((item: { type: string }) => item.type === 'document.observers_changed').map((item: { payload: object }) => item.payload)).toEqual([
        { observersAdded: [observer.user.id], observersRemoved: [] },
        { observersAdded: [], observersRemoved: [observer.user.id] },
      ]);
    });

    it.each([
      [{ status: 'adopted' }, 'status must be one of the following values: withdrawn'],
      [{ observerIds: ['nope'] }, 'each value in observerIds must be a UUID'],
      [{ observerIds: 'x' }, 'observerIds must be an array'],
      [{ title: '' }, 'title should not be empty'],
      [{ kind: 'analyse' }, 'property kind should not exist'],
    ])('rejects %j with a 400 naming the field', async (body, message) => {
      const document = await create(secretariat, { title: 'Validation', kind: 'analyse' });
      const response = await as(secretariat).patch(`/api/documents/${document.id}`).send(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    });
  });

  describe('document.body_changed (from the collab module)', () => {
    it('refreshes the searchable Markdown cache and logs grouped edits', async () => {
      const document = await create(secretariat, { title: 'Cache', kind: 'analyse' });
      const bus = sut.app.get(DomainEventBus);
      const t0 = new Date(Date.now() + 1_000);

      await bus.emitAndWait('document.body_changed', { documentId: document.id, markdown: 'Un paragraphe sur l’ethnopsychiatrie.\n', editedAt: t0, actorId: aleap.user.id });
      await bus.emitAndWait('document.body_changed', {
        documentId: document.id,
        markdown: 'Ancien texte arrivé en retard.\n',
        editedAt: new Date(t0.getTime() - 500),
        actorId: aleap.user.id,
      });

      const found = await as(secretariat).get('/api/documents').query({ q: 'ethnopsychiatrie' });
      expect(found.body.items.map((item: DocumentListItemDto) => item.id)).toEqual([document.id]);
      expect(found.body.items[0].lastEditedAt).toBe(t0.toISOString());
      const timeline = await as(secretariat).get(`/api/documents/${document.id}/timeline`);
      const edits = timeline.body.items.filter((item: { type: string }) => item.type === 'document.edited');
      expect(edits).toHaveLength(1);
      expect(edits[0]).toMatchObject({ count: 2, actor: { id: aleap.user.id } });
    });
  });

  describe('POST /api/documents/import', () => {
    async function docx(): Promise<Buffer> {
      return Packer.toBuffer(
        new DocxDocument({
          sections: [
            {
              children: [
                new Paragraph({ text: 'Analyse des besoins en FLE', heading: HeadingLevel.HEADING_1 }),
                new Paragraph({ children: [new TextRun('Les ILI accueillent '), new TextRun({ text: 'plus de 10 000', bold: true }), new TextRun(' personnes.')] }),
                new Paragraph({ text: 'alphabétisation', bullet: { level: 0 } }),
              ],
            },
          ],
        }),
      );
    }

    it('imports a .docx as a new document, titled by its first heading', async () => {
      const response = await as(aleap).post('/api/documents/import').field('kind', 'analyse').attach('file', await docx(), 'analyse-fle.docx');

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ title: 'Analyse des besoins en FLE', kind: 'analyse', status: 'drafting' });
      expect(response.body.markdown).toBe('# Analyse des besoins en FLE\n\nLes ILI accueillent **plus de 10 000** personnes.\n\n- alphabétisation\n');
      const timeline = await as(aleap).get(`/api/documents/${response.body.id}/timeline`);
      expect(timeline.body.items[0].payload).toMatchObject({ importedFrom: 'analyse-fle.docx' });
    });

    it('takes the given title over the heading', async () => {
      const response = await as(aleap).post('/api/documents/import').field('kind', 'analyse').field('title', 'Mon titre').attach('file', await docx(), 'x.docx');
      expect(response.body.title).toBe('Mon titre');
    });

    it('rejects a missing file, a non-docx file or an unreadable one with a 400 naming file', async () => {
      const missing = await as(aleap).post('/api/documents/import').field('kind', 'analyse');
      const pdf = await as(aleap).post('/api/documents/import').field('kind', 'analyse').attach('file', Buffer.from('%PDF-1.7\n'), 'note.pdf');
      const broken = await as(aleap).post('/api/documents/import').field('kind', 'analyse').attach('file', Buffer.from('PK\u0003\u0004garbage'), 'note.docx');
      const wrongField = await as(aleap).post('/api/documents/import').field('kind', 'analyse').attach('document', await docx(), 'note.docx');
      for (const response of [missing, pdf, broken, wrongField]) {
        expect(response.status).toBe(400);
        expect(response.body.message[0]).toMatch(/^file[ :]/);
      }
    });

    it('rejects a file over 10 MB with a 413 naming file', async () => {
      const response = await as(aleap).post('/api/documents/import').field('kind', 'analyse').attach('file', Buffer.alloc(10 * 1024 * 1024 + 1), 'big.docx');
      expect(response.status).toBe(413);
      expect(response.body.message).toEqual(['file must not exceed 10 MB']);
    });

    it('rejects a bad kind with a 400 naming kind, and observers with a 403', async () => {
      const badKind = await as(aleap).post('/api/documents/import').field('kind', 'roman').attach('file', await docx(), 'x.docx');
      expect(badKind.status).toBe(400);
      expect(badKind.body.message[0]).toMatch(/^kind /);
      const byObserver = await as(observer).post('/api/documents/import').field('kind', 'analyse').attach('file', await docx(), 'x.docx');
      expect(byObserver.status).toBe(403);
    });
  });

  describe('permissionsFor (the /collab join and edit-right check, one prepared statement)', () => {
    it('answers as the document detail does: observers invited or not, archived, unknown and malformed ids', async () => {
      const documents = sut.app.get(DocumentsService);
      const document = await create(aleap, { title: 'Droits de lecture', kind: 'analyse' });
      const actor = (session: LoginResponse) => ({ id: session.user.id, role: session.user.role });

      expect(await documents.permissionsFor(actor(aleap), document.id)).toEqual({ read: true, edit: true, comment: true, manage: false });
      expect(await documents.permissionsFor(actor(observer), document.id)).toEqual({ read: false, edit: false, comment: false, manage: false });

      await as(secretariat).patch(`/api/documents/${document.id}`).send({ observerIds: [observer.user.id] }).expect(200);
      expect(await documents.permissionsFor(actor(observer), document.id)).toEqual({ read: true, edit: false, comment: true, manage: false });
      const detail = await as(observer).get(`/api/documents/${document.id}`).expect(200);
      expect(await documents.permissionsFor(actor(observer), document.id)).toEqual(detail.body.permissions);

      await as(aleap).patch(`/api/documents/${document.id}`).send({ archived: true }).expect(200);
      expect(await documents.permissionsFor(actor(secretariat), document.id)).toEqual({ read: true, edit: false, comment: false, manage: true });

      expect(await documents.permissionsFor(actor(aleap), UNKNOWN_ID)).toEqual({ read: false, edit: false, comment: false, manage: false });
      expect(await documents.permissionsFor(actor(aleap), 'not-a-uuid')).toEqual({ read: false, edit: false, comment: false, manage: false });
    });
  });
});
