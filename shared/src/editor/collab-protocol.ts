/**
 * Yjs over socket.io, namespace `/collab`. Payloads are the y-protocols encodings
 * (`y-protocols/sync`, `y-protocols/awareness`) as binary; socket.io carries them as
 * Buffer in Node and ArrayBuffer/Uint8Array in the browser.
 */
export const COLLAB_NAMESPACE = '/collab';

export type CollabBinary = Uint8Array | ArrayBuffer;

export interface CollabJoin {
  documentId: string;
}

export interface CollabAck {
  ok: boolean;
  error?: string;
}

export interface CollabError {
  documentId?: string;
  message: string;
}

export interface CollabServerToClientEvents {
  /** A y-protocols sync message (step 1, step 2 or update) for the joined document. */
  sync: (message: CollabBinary) => void;
  /** A y-protocols awareness update. */
  awareness: (message: CollabBinary) => void;
  error: (error: CollabError) => void;
}

export interface CollabClientToServerEvents {
  /** Join a document's room; the ack tells whether the caller may read it. */
  join: (payload: CollabJoin, ack: (result: CollabAck) => void) => void;
  sync: (message: CollabBinary) => void;
  awareness: (message: CollabBinary) => void;
  /** A local Yjs update; acknowledged once it is durable (DESIGN §5). */
  update: (update: CollabBinary, ack: (result: CollabAck) => void) => void;
}
