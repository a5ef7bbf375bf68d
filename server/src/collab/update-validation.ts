import { COLLAB_MAX_UPDATE_BYTES, YDOC_FRAGMENT } from '@coupole/shared';
import * as Y from 'yjs';
import { CollabRefusal } from './collab-refusal';

/**
 * Parses a Yjs update (V1) before it reaches a live document: malformed bytes are refused
 * here rather than half-applied, and an update may only touch the body fragment (no other
 * root types to bloat the stored state). Returns false for an update that changes nothing.
 */
export function checkUpdate(update: Uint8Array): boolean {
  if (update.byteLength > COLLAB_MAX_UPDATE_BYTES) {
    throw new CollabRefusal(
      'update_too_large',
      `Modification trop volumineuse (${update.byteLength} octets, maximum ${COLLAB_MAX_UPDATE_BYTES}).`,
    );
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new CollabRefusal('malformed', 'Message Yjs illisible.');
  }
  for (const struct of decoded.structs) {
    // In a decoded (not integrated) update, a root parent is still its name.
    const parent: unknown = struct instanceof Y.Item ? struct.parent : null;
    if (typeof parent === 'string' && parent !== YDOC_FRAGMENT) {
      throw new CollabRefusal('malformed', `Type racine inconnu : ${parent.slice(0, 40)}.`);
    }
  }
  return decoded.structs.length > 0 || decoded.ds.clients.size > 0;
}
