/** Messages between the server's main thread and the thread that runs the embedded database. */
export type ToDatabaseThread =
  /** Bytes a client connection wrote (PostgreSQL wire protocol, possibly partial messages). */
  | { kind: 'data'; connection: number; bytes: Uint8Array }
  /** The client connection is gone: drop what it left unfinished. */
  | { kind: 'disconnect'; connection: number }
  | { kind: 'close' };

export type FromDatabaseThread =
  | { kind: 'ready' }
  | { kind: 'data'; connection: number; bytes: Uint8Array }
  | { kind: 'failed'; message: string }
  | { kind: 'closed' };

export interface DatabaseThreadData {
  /** A folder for the database files, or `memory://`. */
  directory: string;
}
