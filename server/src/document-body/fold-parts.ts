import * as Y from 'yjs';

/** A snapshot and the updates after it, in order, as one Yjs state (a load, and what compaction stores). */
export function foldParts(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export interface FoldRequest {
  id: number;
  parts: Uint8Array[];
}

export type FoldResponse = { id: number; state: Uint8Array; error?: undefined } | { id: number; state?: undefined; error: string };
