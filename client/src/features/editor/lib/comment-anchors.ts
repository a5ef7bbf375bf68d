import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchorDto } from '@coupole/shared';

/** y-tiptap's map from Yjs types to ProseMirror nodes, kept by the sync plugin's binding. */
export type ProseMirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

export interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProseMirrorMapping;
}

export interface TextRange {
  from: number;
  to: number;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Anchors a comment on a selection as Yjs relative positions: they point at characters, not
 * offsets, so the anchor stays on the same words while others type before it.
 */
export function anchorFromSelection(
  binding: YBinding,
  pmDoc: ProseMirrorNode,
  { from, to }: TextRange,
): CommentAnchorDto {
  const start = stickToNextCharacter(
    binding.doc,
    absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition,
  );
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition;
  return {
    start: bytesToBase64(Y.encodeRelativePosition(start)),
    end: bytesToBase64(Y.encodeRelativePosition(end)),
    quote: pmDoc.textBetween(from, to, ' ', ' '),
  };
}

/**
 * y-tiptap ties a position to the character before it, so words typed right before the
 * commented text would join the comment. The start belongs to the first commented character.
 */
function stickToNextCharacter(doc: Y.Doc, position: Y.RelativePosition): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || absolute.index >= absolute.type.length) return position;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
}

/** Where the anchored text is now, or null if it was deleted or the anchor cannot be read. */
export function rangeFromAnchor(binding: YBinding, anchor: Pick<CommentAnchorDto, 'start' | 'end'>): TextRange | null {
  try {
    const start = Y.decodeRelativePosition(base64ToBytes(anchor.start));
    const end = Y.decodeRelativePosition(base64ToBytes(anchor.end));
    const from = relativePositionToAbsolutePosition(binding.doc, binding.type, start, binding.mapping);
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, binding.mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/**
 * Where `quote` appears in the document, nearest to `near` (a position), or null. Used when the
 * anchored characters no longer exist: y-prosemirror recreates a paragraph's text when it is
 * split at its start (Enter before the first word), which deletes the items the relative
 * positions point at although the words are still there.
 */
export function findQuote(doc: ProseMirrorNode, quote: string, near: number | null): TextRange | null {
  if (quote.trim() === '') return null;
  let best: TextRange | null = null;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // One placeholder character per inline leaf keeps text offsets equal to positions.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    for (let index = text.indexOf(quote); index >= 0; index = text.indexOf(quote, index + 1)) {
      const from = pos + 1 + index;
      const candidate = { from, to: from + quote.length };
      if (!best || (near !== null && Math.abs(from - near) < Math.abs(best.from - near))) best = candidate;
    }
    return false;
  });
  return best;
}
