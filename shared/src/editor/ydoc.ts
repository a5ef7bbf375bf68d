import { sha256 } from '@noble/hashes/sha2';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { editorSchema, YDOC_FRAGMENT } from './extensions';
import { docToMarkdown, markdownToDoc } from './markdown';

export function bodyFragment(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment(YDOC_FRAGMENT);
}

export function yDocToDoc(ydoc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(bodyFragment(ydoc), editorSchema);
}

export function yDocToMarkdown(ydoc: Y.Doc): string {
  return docToMarkdown(yDocToDoc(ydoc));
}

/**
 * Replaces the body with `markdown` in one transaction carrying `origin`. y-tiptap's
 * `updateYFragment` diffs against the current fragment: unchanged blocks are kept (so comment
 * anchors on them survive) and only what differs is deleted and inserted.
 *
 * The edit is computed in a scratch copy whose client id is derived from the current state and
 * the new text, then applied as an update. Two replicas in the same state applying the same
 * Markdown (two server instances restoring the same version, two seeds of an empty document)
 * therefore produce byte-identical structs, which Yjs merges once instead of duplicating.
 */
export function applyMarkdownAsEdit(ydoc: Y.Doc, markdown: string, origin: unknown = null): void {
  const update = markdownEditUpdate(ydoc, markdown);
  if (update) Y.applyUpdate(ydoc, update, origin);
}

/** The Yjs update that turns `ydoc`'s body into `markdown`, or null if nothing changes. */
export function markdownEditUpdate(ydoc: Y.Doc, markdown: string): Uint8Array | null {
  const state = Y.encodeStateAsUpdate(ydoc);
  const scratch = new Y.Doc({ gc: ydoc.gc });
  Y.applyUpdate(scratch, state);
  // Set after loading: Yjs re-rolls a client id that arrives in a remote update.
  scratch.clientID = deterministicClientId(state, markdown);
  let update: Uint8Array | null = null;
  scratch.on('update', (transactionUpdate: Uint8Array) => {
    update = transactionUpdate;
  });
  const doc = markdownToDoc(markdown);
  scratch.transact(() => {
    updateYFragment(scratch, bodyFragment(scratch), doc, { mapping: new Map(), isOMark: new Map() });
  });
  scratch.destroy();
  return update;
}

/** A Yjs update (V1 encoding) that creates the body from `markdown` in a fresh document. */
export function markdownToYUpdate(markdown: string): Uint8Array {
  const ydoc = new Y.Doc();
  applyMarkdownAsEdit(ydoc, markdown);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/** A fresh Y.Doc holding `markdown` as its body. */
export function markdownToYDoc(markdown: string): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, markdownToYUpdate(markdown));
  return ydoc;
}

function deterministicClientId(state: Uint8Array, markdown: string): number {
  const digest = sha256(concat(state, new TextEncoder().encode(markdown)));
  // Yjs client ids are unsigned 32-bit integers.
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + 1 + b.length);
  out.set(a, 0);
  out.set(b, a.length + 1);
  return out;
}
