import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { ApiErrorCode } from '@coupole/shared';

/** Methods that change nothing; every other one must come from the app's own origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Sec-Fetch-Site` values a browser sends for the app's own pages (or a typed URL). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

export const CROSS_SITE_REFUSED = 'Cross-site request refused';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether `origin` is the app's: PUBLIC_URL's origin when configured, else the host the request
 * itself names (its Host, as the reverse proxy or Vite's dev proxy passes it on; the scheme is
 * not compared there, since a TLS-terminating proxy may not say which one the browser used).
 */
function isOwnOrigin(origin: string, headers: IncomingHttpHeaders, publicOrigin: string | undefined): boolean {
  if (publicOrigin) return origin.toLowerCase() === publicOrigin;
  const host = header(headers, 'host');
  if (!host) return false;
  try {
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}

/**
 * Whether a request may act with the caller's cookie. A browser names where a request comes
 * from (`Origin`, `Sec-Fetch-Site`); when it does, that must be the app's own origin. A request
 * naming neither is not a browser's cross-site request (curl, socket.io-client, the tests).
 */
export function isOwnOriginRequest(
  headers: IncomingHttpHeaders,
  publicOrigin: string | undefined,
): boolean {
  const fetchSite = header(headers, 'sec-fetch-site');
  if (fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite.toLowerCase())) return false;
  const origin = header(headers, 'origin');
  if (origin === undefined) return true;
  return isOwnOrigin(origin, headers, publicOrigin);
}

export function publicOriginOf(publicUrl: string | undefined): string | undefined {
  return publicUrl ? new URL(publicUrl).origin.toLowerCase() : undefined;
}

/** Refuses state-changing HTTP requests from another origin (CSRF), before any body is read. */
export function requireOwnOriginForChanges(publicUrl: string | undefined): RequestHandler {
  const publicOrigin = publicOriginOf(publicUrl);
  return (request, response, next) => {
    if (SAFE_METHODS.has(request.method) || isOwnOriginRequest(request.headers, publicOrigin)) {
      next();
      return;
    }
    response.status(403).json({ statusCode: 403, message: CROSS_SITE_REFUSED, error: 'Forbidden', code: 'forbidden' satisfies ApiErrorCode });
  };
}

/** socket.io's `allowRequest`: a handshake (polling or WebSocket) from another origin is refused. */
export function allowOwnOriginHandshake(publicUrl: string | undefined) {
  const publicOrigin = publicOriginOf(publicUrl);
  return (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void): void => {
    const allowed = isOwnOriginRequest(request.headers, publicOrigin);
    callback(allowed ? null : CROSS_SITE_REFUSED, allowed);
  };
}
