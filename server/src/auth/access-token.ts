import type { Request } from 'express';
import type { User } from '../users/user.entity';

export const ACCESS_TOKEN_COOKIE = 'coupole_session';
/**
 * Readable by the page, holds no secret ("1"), lives as long as the session cookie: the app asks
 * `GET /api/auth/me` only when it is there, so a signed-out visit logs no 401 in the console.
 */
export const SIGNED_IN_HINT_COOKIE = 'coupole_signed_in';
/** An access token is short-lived; the open app renews it (POST /api/auth/refresh). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A sign-in lasts this long at most, however often its token is renewed. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface AccessTokenPayload {
  sub: string;
  /** The server-side session (auth_sessions), checked on every request and handshake. */
  sid: string;
}

/** A verified token: its user, still active, and its session, still live. */
export interface Authenticated {
  user: User;
  sessionId: string;
  /** When the session ends, however often its token is renewed. */
  sessionExpiresAt: Date;
}

export interface AuthenticatedRequest extends Request {
  user: User;
  authSession: Authenticated;
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `Authorization: Bearer` wins over the session cookie. */
export function accessTokenFromRequest(request: Request): string | undefined {
  const cookies = request.cookies as Record<string, string> | undefined;
  return bearerToken(request.headers.authorization) ?? cookies?.[ACCESS_TOKEN_COOKIE];
}

export interface HandshakeLike {
  auth?: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** For socket.io gateways: `auth: { token }`, then `Authorization: Bearer`, then the cookie. */
export function accessTokenFromHandshake(handshake: HandshakeLike): string | undefined {
  const fromAuth = handshake.auth?.token;
  if (typeof fromAuth === 'string' && fromAuth !== '') return fromAuth;
  const authorization = handshake.headers.authorization;
  const fromHeader = bearerToken(Array.isArray(authorization) ? authorization[0] : authorization);
  if (fromHeader) return fromHeader;
  const cookie = handshake.headers.cookie;
  return cookieValue(Array.isArray(cookie) ? cookie.join('; ') : cookie, ACCESS_TOKEN_COOKIE);
}
