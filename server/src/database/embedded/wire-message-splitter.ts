/** PostgreSQL 3.0's protocol version, in a startup message after its length. */
const PROTOCOL_3 = 196608;
/** A CancelRequest (a startup-style packet): PGlite has no backend process to signal. */
const CANCEL_REQUEST = 80877102;

/**
 * Cuts a client's byte stream into whole frontend messages, as a PostgreSQL server reads them:
 * PGlite executes one complete message at a time. A startup message has no type byte; any other
 * has a type byte then a length that counts itself. The client never asks for SSL (it is in the
 * same process); a cancel request is dropped.
 */
export class WireMessageSplitter {
  private buffer: Uint8Array = new Uint8Array(0);
  private started = false;

  push(bytes: Uint8Array): Uint8Array[] {
    this.buffer = this.buffer.length === 0 ? bytes : concatBytes([this.buffer, bytes]);
    const messages: Uint8Array[] = [];
    for (;;) {
      const length = this.nextLength();
      if (length === undefined || this.buffer.length < length) break;
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      if (!this.started) {
        const code = view(message).getInt32(4);
        if (code === CANCEL_REQUEST) continue;
        if (code === PROTOCOL_3) this.started = true;
      }
      messages.push(message);
    }
    return messages;
  }

  private nextLength(): number | undefined {
    if (!this.started) return this.buffer.length >= 8 ? view(this.buffer).getInt32(0) : undefined;
    return this.buffer.length >= 5 ? 1 + view(this.buffer).getInt32(1) : undefined;
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Joins byte chunks into one new buffer of its own (never Buffer's shared pool: it may be transferred). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
