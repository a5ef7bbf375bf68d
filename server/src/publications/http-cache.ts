import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Browsers revalidate every time (a 304 when nothing changed), so a withdrawn text disappears at
 * once for readers; shared caches (a CDN in front) may serve an answer for a minute.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate';

/** A strong validator: the SHA-256 of the exact bytes sent. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** RFC 9110 §13.1.2: weak comparison, `*`, or a list of tags. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

/** Sends a public answer with its ETag and Cache-Control, or 304 when the caller has it already. */
export function sendCached(request: Request, response: Response, body: Buffer | string, contentType: string, extraHeaders: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (sendNotModified(request, response, strongEtag(bytes))) return;
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  response.setHeader('Content-Type', contentType);
  response.status(200).end(bytes);
}

/**
 * Sets the validator and caching headers; answers 304 (and returns true) when the caller holds
 * that version. For answers whose bytes vary between renders of the same content (a PDF carries
 * its creation time), the ETag is computed from what they show instead of from the bytes.
 */
export function sendNotModified(request: Request, response: Response, etag: string): boolean {
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return false;
  response.status(304).end();
  return true;
}

/** A strong ETag for content identified by a string (e.g. a text's hash and its publication time). */
export function contentEtag(identity: string): string {
  return strongEtag(Buffer.from(identity, 'utf8'));
}
