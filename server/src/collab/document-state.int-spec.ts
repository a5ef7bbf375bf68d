import { YDOC_FRAGMENT, yDocToMarkdown } from '@coupole/shared';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { DocumentBodyService } from '../document-body/document-body.service';
import { UpdateFolder } from '../document-body/update-folder';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { startTestApp, TestApp } from '../test/test-app';
import { DocumentStateService } from './document-state.service';

/** An update appending `text` to the last paragraph of a doc that holds `state`. */
function appendText(state: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(YDOC_FRAGMENT).get(doc.getXmlFragment(YDOC_FRAGMENT).length - 1) as Y.XmlElement;
  const textNode = paragraph.get(0) as Y.XmlText;
  textNode.insert(textNode.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function markdownOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return yDocToMarkdown(doc);
}

describe('document body storage and live copies (integration)', () => {
  let app: TestApp;
  let sut: DocumentBodyService;
  let state: DocumentStateService;
  let dataSource: DataSource;
  let token: string;

  async function createDocument(markdown: string): Promise<string> {
    const response = await app
      .http()
      .post('/api/documents')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Note de test', kind: 'note_technique', markdown });
    if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  /** Appends the words `${prefix}0` … `${prefix}${count - 1}`, one durable update each; returns the state with them. */
  async function appendWords(documentId: string, state: Uint8Array, prefix: string, count: number): Promise<Uint8Array> {
    for (let index = 0; index < count; index++) {
      const update = appendText(state, ` ${prefix}${index}`);
      state = Y.mergeUpdates([state, update]);
      await sut.append(documentId, update, null);
    }
    return state;
  }

  async function storedRows(documentId: string): Promise<number> {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "document_updates" WHERE "document_id" = $1`, [documentId]);
    return row.n as number;
  }

  /** Waits (5 s at most) for the log to hold fewer than `rows` updates; returns how many it holds. */
  async function compactedBelow(documentId: string, rows: number): Promise<number> {
    const deadline = Date.now() + 5_000;
    while ((await storedRows(documentId)) >= rows && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return storedRows(documentId);
  }

  beforeAll(async () => {
    app = await startTestApp();
    sut = app.app.get(DocumentBodyService);
    state = app.app.get(DocumentStateService);
    dataSource = app.app.get(DataSource);
    token = (await app.login('secretariat@demo.coupole.be')).accessToken;
  });

  afterAll(() => app?.close());

  it('loads the seeded body of a new document, and a second seed changes nothing', async () => {
    const documentId = await createDocument('Premier paragraphe.\n\nSecond paragraphe.');

    const seededAgain = await dataSource.transaction((manager) => sut.seedInitialState(manager, documentId, 'Autre texte.'));

    expect(seededAgain).toBe(false);
    expect(await sut.currentMarkdown(documentId)).toBe('Premier paragraphe.\n\nSecond paragraphe.\n');
  });

  it('stores concurrent appends, each resolved after its commit, and loads them merged with the snapshot', async () => {
    const documentId = await createDocument('Début');
    const base = await sut.load(documentId);
    let state = base;
    const updates: Uint8Array[] = [];
    for (let index = 0; index < 50; index++) {
      const update = appendText(state, ` ${index}`);
      updates.push(update);
      state = Y.mergeUpdates([state, update]);
    }

    await Promise.all(updates.map((update) => sut.append(documentId, update, null)));

    expect(await storedRows(documentId)).toBe(50);
    expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
    expect(markdownOf(await sut.load(documentId))).toContain('Début 0 1 2');
  });

  it('compacts the log into the snapshot without losing an update appended meanwhile', async () => {
    const documentId = await createDocument('Texte');
    let state = await appendWords(documentId, await sut.load(documentId), 'a', 30);
    const late = appendText(state, ' tardif');
    state = Y.mergeUpdates([state, late]);

    const [folded] = await Promise.all([sut.compact(documentId), sut.append(documentId, late, null)]);

    expect(folded).toBeGreaterThanOrEqual(30);
    expect(await storedRows(documentId)).toBeLessThanOrEqual(1);
    expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
    await sut.compact(documentId);
    expect(await storedRows(documentId)).toBe(0);
    expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
  });

  it('never stores a fold of a snapshot that changed while it was folded: the edits committed meanwhile stay', async () => {
    const documentId = await createDocument('Plié');
    let state = await appendWords(documentId, await sut.load(documentId), 'c', 10);
    const meanwhile = appendText(state, ' pendant');
    state = Y.mergeUpdates([state, meanwhile]);
    const folder = app.app.get(UpdateFolder);
    const fold = folder.fold.bind(folder);
    // While the first compaction folds (no lock held), an edit is stored and a second
    // compaction folds it with the rest and deletes its row: the first one's fold lacks it.
    const folding = jest.spyOn(folder, 'fold').mockImplementationOnce(async (parts) => {
      const folded = await fold(parts);
      await sut.append(documentId, meanwhile, null);
      expect(await sut.compact(documentId)).toBe(11);
      return folded;
    });

    try {
      expect(await sut.compact(documentId)).toBe(0);
    } finally {
      folding.mockRestore();
    }

    expect(await storedRows(documentId)).toBe(0);
    expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
    expect(markdownOf(await sut.load(documentId))).toContain('c9 pendant');
  });

  it('compacts a body stored as updates only into a new snapshot', async () => {
    const documentId = await createDocument('Sans instantané');
    const state = await sut.load(documentId);
    await dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM "document_snapshots" WHERE "document_id" = $1`, [documentId]);
      await sut.appendIn(manager, documentId, state, null, new Date());
    });

    expect(await sut.compact(documentId)).toBe(1);

    const [snapshot] = await dataSource.query(`SELECT count(*)::int AS n FROM "document_snapshots" WHERE "document_id" = $1`, [documentId]);
    expect(snapshot.n).toBe(1);
    expect(await storedRows(documentId)).toBe(0);
    expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
  });

  it('compacts in the background once a document passes the threshold and its editors pause', async () => {
    sut.configure({ compactionThreshold: 20, compactionPauseMs: 200 });
    try {
      const documentId = await createDocument('Seuil');
      const state = await appendWords(documentId, await sut.load(documentId), 'b', 25);

      expect(await compactedBelow(documentId, 20)).toBeLessThan(20);
      expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
    } finally {
      sut.configure({ compactionThreshold: 500, compactionPauseMs: 2_000 });
    }
  });

  it('waits for a pause to compact, unless the log passes the limit', async () => {
    sut.configure({ compactionThreshold: 20, compactionPauseMs: 600_000, compactionLimit: 30 });
    try {
      const documentId = await createDocument('Limite');
      let state = await appendWords(documentId, await sut.load(documentId), 'c', 25);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await storedRows(documentId)).toBe(25);

      state = await appendWords(documentId, state, 'd', 5);

      expect(await compactedBelow(documentId, 20)).toBeLessThan(20);
      expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(state));
    } finally {
      sut.configure({ compactionThreshold: 500, compactionPauseMs: 2_000, compactionLimit: 2_000 });
    }
  });

  it('folds a long log in the fold thread when it reads it, and a short one where it is', async () => {
    const folder = app.app.get(UpdateFolder);
    const folds = jest.spyOn(folder, 'fold');
    sut.configure({ threadFoldParts: 20 });
    try {
      const documentId = await createDocument('Long');
      let text = await appendWords(documentId, await sut.load(documentId), 'e', 10);
      expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(text));
      expect(folds).not.toHaveBeenCalled();

      text = await appendWords(documentId, text, 'f', 15);

      expect(markdownOf(await sut.load(documentId))).toBe(markdownOf(text));
      expect(await sut.currentMarkdown(documentId)).toBe(markdownOf(text));
      expect(folds).toHaveBeenCalledTimes(2);
      expect(folds.mock.calls[0][0]).toHaveLength(26);
      expect(state.isLive(documentId)).toBe(false);
      const live = await state.open(documentId);
      expect(yDocToMarkdown(live.doc)).toBe(markdownOf(text));
      expect(folds).toHaveBeenCalledTimes(3);
    } finally {
      sut.configure({ threadFoldParts: 200 });
      folds.mockRestore();
    }
  });

  it('applies a server edit as an ordinary, durable edit that keeps unchanged paragraphs', async () => {
    const documentId = await createDocument('Garder ce paragraphe.\n\nRemplacer celui-ci.');
    const live = await state.open(documentId);
    const kept = (live.doc.getXmlFragment(YDOC_FRAGMENT).get(0) as Y.XmlElement)._item!.id;

    const changed = await state.applyServerEdit(documentId, 'Garder ce paragraphe.\n\nNouveau texte.', null);
    const unchanged = await state.applyServerEdit(documentId, 'Garder ce paragraphe.\n\nNouveau texte.', null);

    expect(changed).toBe(true);
    expect(unchanged).toBe(false);
    expect(await sut.currentMarkdown(documentId)).toBe('Garder ce paragraphe.\n\nNouveau texte.\n');
    expect((live.doc.getXmlFragment(YDOC_FRAGMENT).get(0) as Y.XmlElement)._item!.id).toEqual(kept);
  });

  it('tells the documents module the new Markdown once, after the edits have stopped for the debounce, with the last editor', async () => {
    const documentId = await createDocument('Texte.');
    const [first, last] = await Promise.all([app.login('secretariat@demo.coupole.be'), app.login('aleap@demo.coupole.be')]);
    const bus = app.app.get(DomainEventBus);
    const told: Array<{ markdown: string; actorId: string | null; at: number }> = [];
    const listen = jest.spyOn(bus, 'emitAndWait').mockImplementation(async (name, payload) => {
      const event = payload as { documentId: string; markdown: string; actorId: string | null };
      if (name === 'document.body_changed' && event.documentId === documentId) told.push({ markdown: event.markdown, actorId: event.actorId, at: Date.now() });
    });
    state.configure({ bodyChangeDebounceMs: 300 });
    try {
      let current = await sut.load(documentId);
      let lastEditAt = 0;
      // An edit every 50 ms for 400 ms: the timer comes due while edits go on, and waits again
      // (300 ms leaves room for a slow edit on a busy machine).
      for (let index = 0; index < 8; index++) {
        const update = appendText(current, ` ${index}`);
        await state.applyClientUpdate(documentId, update, index === 7 ? last.user.id : first.user.id);
        current = Y.mergeUpdates([current, update]);
        lastEditAt = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(told).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 800));

      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ markdown: markdownOf(current), actorId: last.user.id });
      expect(told[0].at - lastEditAt).toBeGreaterThanOrEqual(290);
    } finally {
      listen.mockRestore();
      state.configure({ bodyChangeDebounceMs: 2_000 });
    }
  });

  it('unloads a live copy a minute after it was last used, not before, and reloads it on the next open', async () => {
    const documentId = await createDocument('Texte gardé en mémoire.');
    await state.open(documentId);
    const openedAt = Date.now();

    state.evictIdle(openedAt + 59_000);
    expect(state.isLive(documentId)).toBe(true);

    state.evictIdle(openedAt + 61_000);
    expect(state.isLive(documentId)).toBe(false);
    expect(state.liveDocumentIds()).not.toContain(documentId);

    const reopened = await state.open(documentId);
    expect(yDocToMarkdown(reopened.doc)).toBe('Texte gardé en mémoire.\n');
  });

  it('opens a document of 10,000 stored updates whole', async () => {
    const documentId = await createDocument('x');
    let state = await sut.load(documentId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const textNode = (doc.getXmlFragment(YDOC_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < 10_000; index++) textNode.insert(textNode.length, 'y');
    await Promise.all(updates.map((update) => sut.append(documentId, update, null)));
    state = Y.encodeStateAsUpdate(doc);

    const loaded = await sut.load(documentId);

    // How fast is for bench:collab to say (its "load" figure), not a timed test.
    expect(markdownOf(loaded)).toBe(markdownOf(state));
  });
});
