import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { foldParts } from './fold-parts';
import { UpdateFolder } from './update-folder';

/** The compiled thread entry (`npm run build`); `npm test` builds before it runs the suites. */
const BUILT_ENTRY = join(__dirname, '../../dist/document-body/fold-thread.js');

function storedParts(): { parts: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const parts = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  const text = doc.getText('t');
  for (let index = 0; index < 50; index++) text.insert(text.length, `mot ${index} `);
  text.delete(0, 4);
  return { parts, text: text.toString() };
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

describe(UpdateFolder.name, () => {
  it('folds on this thread when there is no compiled thread entry (sources run by ts-jest)', async () => {
    const { parts, text } = storedParts();
    const sut = new UpdateFolder(join(__dirname, 'fold-thread.ts'));

    const state = await sut.fold(parts);

    expect(sut.threaded).toBe(false);
    expect(textOf(state)).toBe(text);
    expect(Buffer.from(state).equals(Buffer.from(foldParts(parts)))).toBe(true);
  });

  (existsSync(BUILT_ENTRY) ? it : it.skip)('folds in its own thread, several at once, the same state as on this thread', async () => {
    const sut = new UpdateFolder(BUILT_ENTRY);
    try {
      const documents = [storedParts(), storedParts(), storedParts()];
      const states = await Promise.all(documents.map(({ parts }) => sut.fold(parts)));

      expect(sut.threaded).toBe(true);
      states.forEach((state, index) => expect(textOf(state)).toBe(documents[index].text));
      expect(Buffer.from(states[0]).equals(Buffer.from(foldParts(documents[0].parts)))).toBe(true);
    } finally {
      await sut.onApplicationShutdown();
    }
  });

  it('fails a fold of unreadable bytes (compaction retries later) and keeps folding', async () => {
    const sut = new UpdateFolder(existsSync(BUILT_ENTRY) ? BUILT_ENTRY : join(__dirname, 'fold-thread.ts'));
    try {
      await expect(sut.fold([new Uint8Array([255, 255, 255, 255])])).rejects.toThrow();
      const { parts, text } = storedParts();
      expect(textOf(await sut.fold(parts))).toBe(text);
    } finally {
      await sut.onApplicationShutdown();
    }
  });
});
