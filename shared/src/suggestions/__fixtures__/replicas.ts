import * as Y from 'yjs';
import { markdownToYUpdate } from '../../editor/ydoc';

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
