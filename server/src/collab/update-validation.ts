import { COLLAB_MAX_UPDATE_BYTES, editorSchema, isSafeLinkHref, LINK_ATTRIBUTES, YDOC_FRAGMENT } from '@coupole/shared';
import * as Y from 'yjs';
import { CollabRefusal } from './collab-refusal';

/**
 * Parses a Yjs update (V1) before it reaches a live document: malformed bytes are refused
 * here rather than half-applied, and an update may only touch the body fragment (no other
 * root types to bloat the stored state) and format text only with the schema's marks and their
 * attributes — a link with a safe `href` and an optional title, nothing else. Returns false for
 * an update that changes nothing.
 */
export function checkUpdate(update: Uint8Array): boolean {
  if (update.byteLength > COLLAB_MAX_UPDATE_BYTES) {
    throw new CollabRefusal(
      'update_too_large',
      `Update too large (${update.byteLength} bytes, at most ${COLLAB_MAX_UPDATE_BYTES})`,
    );
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new CollabRefusal('malformed', 'Unreadable Yjs update');
  }
  for (const struct of decoded.structs) {
    // In a decoded (not integrated) update, a root parent is still its name.
    const parent: unknown = struct instanceof Y.Item ? struct.parent : null;
    if (typeof parent === 'string' && parent !== YDOC_FRAGMENT) {
      throw new CollabRefusal('malformed', `Unknown root type: ${parent.slice(0, 40)}`);
    }
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentFormat) checkFormat(struct.content.key, struct.content.value);
  }
  return decoded.structs.length > 0 || decoded.ds.clients.size > 0;
}

/** y-tiptap writes a mark as the formatting key `<mark>` (or `<mark>--<hash>`) with its attrs; null ends it. */
function checkFormat(key: string, value: unknown): void {
  const markName = key.split('--')[0];
  const markType = editorSchema.marks[markName];
  if (!markType) throw new CollabRefusal('malformed', `Unknown mark: ${markName.slice(0, 40)}`);
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) throw new CollabRefusal('malformed', `Unreadable mark: ${markName}`);
  const attributes = value as Record<string, unknown>;
  const allowed = Object.keys(markType.spec.attrs ?? {});
  const extra = Object.keys(attributes).find((name) => !allowed.includes(name));
  if (extra !== undefined) throw new CollabRefusal('malformed', `Attribute refused on ${markName}: ${extra.slice(0, 40)}`);
  if (markName !== 'link') return;
  const { href, title } = attributes as Partial<Record<(typeof LINK_ATTRIBUTES)[number], unknown>>;
  if (typeof href !== 'string' || !isSafeLinkHref(href)) throw new CollabRefusal('malformed', 'Link refused: only http(s), mailto and tel addresses are allowed');
  if (title !== undefined && title !== null && typeof title !== 'string') throw new CollabRefusal('malformed', 'Unreadable link title');
}
