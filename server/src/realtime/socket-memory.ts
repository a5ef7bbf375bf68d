import type { IncomingHttpHeaders } from 'node:http';

/**
 * What an idle socket keeps, cut down (#14: ≥ 5,000 idle tabs at ≤ 15 KB of heap each, measured
 * by `bench:connections` with BENCH_HEAP_DIFF=1).
 */

/** What socket.io reads of an engine.io connection's request when a namespace connects (buildHandshake). */
interface SlimRequest {
  headers: IncomingHttpHeaders;
  url: string | undefined;
  _query: Record<string, string>;
  connection: { encrypted: boolean };
}

/**
 * The request headers read after the upgrade: the credentials when a namespace connects (which
 * may come later: `/collab` connects when a document is opened), socket.io's `xdomain`, and what a
 * log line may name. A browser sends some fifteen more (sec-websocket-key, accept-language…), kept
 * for as long as the tab stays open if the whole object were.
 */
const KEPT_HEADERS = ['authorization', 'cookie', 'origin', 'host', 'user-agent', 'x-forwarded-for'] as const;

function keptHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const name of KEPT_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name] as string;
  return kept;
}

const ENCRYPTED = Object.freeze({ encrypted: true });
const PLAIN = Object.freeze({ encrypted: false });

interface EngineConnection {
  request: { headers: IncomingHttpHeaders; url?: string; _query?: Record<string, string>; connection?: { encrypted?: boolean } };
  transport?: { socket?: { listeners?: (event: string) => Array<(...args: unknown[]) => void>; removeListener?: (event: string, listener: (...args: unknown[]) => void) => void } };
}

/**
 * engine.io keeps each connection's whole HTTP request (an IncomingMessage: raw headers, stream
 * state) for as long as the connection lives, only for socket.io to read its headers, URL and
 * query when a namespace connects. Those are kept (the headers that are read, KEPT_HEADERS); the
 * request goes. Also dropped: the listener
 * engine.io leaves on every WebSocket for errors "before upgrade", which its transport handles
 * once the connection is open (as engine.io itself does when a polling client upgrades).
 */
export function slimEngineConnection(connection: EngineConnection): void {
  const { headers, url, _query, connection: socket } = connection.request;
  const slim: SlimRequest = { headers: keptHeaders(headers), url, _query: _query ?? {}, connection: socket?.encrypted ? ENCRYPTED : PLAIN };
  connection.request = slim;
  const websocket = connection.transport?.socket;
  for (const listener of websocket?.listeners?.('error') ?? []) {
    if (listener.name === 'onUpgradeError') websocket?.removeListener?.('error', listener);
  }
}

/** Once a namespace admitted a socket, the token it sent in `auth` is not kept with it. */
export function forgetHandshakeToken(handshake: { auth: Record<string, unknown> }): void {
  if ('token' in handshake.auth) handshake.auth = {};
}
