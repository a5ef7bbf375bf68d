/**
 * Yjs over socket.io, namespace `/collab`. Payloads are the y-protocols encodings
 * (`y-protocols/sync`, `y-protocols/awareness`) as binary; socket.io carries them as
 * Buffer in Node and ArrayBuffer/Uint8Array in the browser.
 *
 * The flow (the server side is described in detail in server/src/collab/collab.gateway.ts):
 * 1. connect with `auth: { token }` (or the session cookie); a bad token is refused.
 * 2. `join { documentId }` → ack `{ ok, canEdit }`. Then the server sends `sync` step 1 (its
 *    state vector), `sync` step 2 (its whole state) and `awareness` (the states it knows).
 * 3. As in y-protocols, either side answers a `sync` step 1 with a step 2 holding what the
 *    other lacks; a client's step 2 is applied as an edit (if it may edit), without an ack.
 * 4. Each local change is sent as `update` (raw Yjs update, V1) with an ack; the ack
 *    `{ ok: true }` arrives only once the update is stored in PostgreSQL ("Enregistré").
 *    `rate_limited` and `unavailable` are transient (send again later); the other codes are not.
 * 5. Updates not acknowledged when the connection drops are sent again with `update` after the
 *    reconnect and join: resending is harmless (Yjs merges identical updates once).
 * The server seeds the body; a client never writes initial content on its own (a fresh client
 * has no item ids, so it cannot delete stored text, but it could add a duplicate copy).
 * A socket follows one document at a time; joining another leaves the first.
 */
export const COLLAB_NAMESPACE = '/collab';

/** Largest accepted `update` or `sync` message, in bytes. */
export const COLLAB_MAX_UPDATE_BYTES = 512 * 1024;
/** Largest accepted document, as its encoded Yjs state, in bytes. */
export const COLLAB_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type CollabBinary = Uint8Array | ArrayBuffer;

export interface CollabJoin {
  documentId: string;
}

/** Why a message was refused; the client maps it to a French message of its catalogue. */
export type CollabErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'not_joined'
  | 'read_only'
  | 'malformed'
  | 'update_too_large'
  | 'document_too_large'
  | 'rate_limited'
  | 'unavailable';

export interface CollabAck {
  ok: boolean;
  /** With `ok: false`. */
  code?: CollabErrorCode;
  error?: string;
  /** With a successful `join`: whether this user may change the text. */
  canEdit?: boolean;
}

export interface CollabError {
  documentId?: string;
  code: CollabErrorCode;
  message: string;
}

export interface CollabServerToClientEvents {
  /** A y-protocols sync message (step 1, step 2 or update) for the joined document. */
  sync: (message: CollabBinary) => void;
  /** A y-protocols awareness update. */
  awareness: (message: CollabBinary) => void;
  /** A refused message that had no ack (a `sync` or `awareness`). */
  error: (error: CollabError) => void;
}

export interface CollabClientToServerEvents {
  /** Join a document's room; the ack tells whether the caller may read (and edit) it. */
  join: (payload: CollabJoin, ack: (result: CollabAck) => void) => void;
  /** A y-protocols sync message: step 1 is answered with step 2; step 2 and updates are edits. */
  sync: (message: CollabBinary) => void;
  awareness: (message: CollabBinary) => void;
  /** A local Yjs update (V1); acknowledged once it is durable (DESIGN §5). */
  update: (update: CollabBinary, ack: (result: CollabAck) => void) => void;
}
