import * as Y from 'yjs';
import { markdownToYUpdate } from '../../editor/ydoc';
import { textRuns } from '../suggestion-anchors';

/** A replica of a body written in Markdown, with its own client id when told (two replicas edit concurrently). */
export function docFrom(markdown: string, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  Y.applyUpdate(doc, markdownToYUpdate(markdown));
  return doc;
}

/** Exchanges what each replica lacks, as two co-editors' connections would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** A co-editor's keystrokes: in the body's `at`-th text run (modulo), `deleteCount` characters deleted and `insert` typed. */
export function typeInRun(doc: Y.Doc, { at, deleteCount, insert }: { at: number; deleteCount: number; insert: string }): void {
  const runs = textRuns(doc);
  if (runs.length === 0) return;
  const text = runs[at % runs.length];
  const index = at % (text.length + 1);
  doc.transact(() => {
    text.delete(index, Math.min(deleteCount, text.length - index));
    if (insert) text.insert(index, insert);
  });
}
