import { FEDERATION_SLUGS, type FederationSlug } from './federations';
import type { Role } from './users';

/**
 * `GET /api/documents/:id/mentionable`: whom a comment on this document may name with `@`.
 * People are those who may read the document (never their e-mail address); `handle` is what the
 * composer writes after `@` and the server resolves back to the person.
 */
export interface MentionablePersonDto {
  kind: 'person';
  /** The user's id: stable, opaque, what `mentions` stores. */
  id: string;
  handle: string;
  displayName: string;
  federation: FederationSlug | null;
  role: Role;
}

/** A federation: `@caips` tells its representatives who may read the document. */
export interface MentionableFederationDto {
  kind: 'federation';
  id: FederationSlug;
  handle: FederationSlug;
  displayName: string;
  federation: FederationSlug;
}

export type MentionableDto = MentionablePersonDto | MentionableFederationDto;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A display name as a handle: "Élise Van den Berghe" → "elise-van-den-berghe" ("" if nothing is left). */
export function nameHandle(displayName: string): string {
  return displayName
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What a handle that is neither a federation nor an id may name: an e-mail's local part, or a name handle. */
export function handleNames(handle: string, person: { email: string; displayName: string }): boolean {
  const value = handle.toLowerCase();
  return person.email.split('@')[0].toLowerCase() === value || nameHandle(person.displayName) === value;
}

/**
 * The handle the composer offers for each reader: their name handle when it names them alone
 * among the readers (no other name or e-mail local part says the same, not a federation slug),
 * else their id, which always does. Same order as given.
 */
export function mentionHandlesFor<T extends { id: string; email: string; displayName: string }>(readers: readonly T[]): Map<string, string> {
  const handles = new Map<string, string>();
  for (const reader of readers) {
    const byName = nameHandle(reader.displayName);
    const usable =
      byName !== '' &&
      !(FEDERATION_SLUGS as readonly string[]).includes(byName) &&
      !UUID.test(byName) &&
      readers.filter((other) => handleNames(byName, other)).length === 1;
    handles.set(reader.id, usable ? byName : reader.id);
  }
  return handles;
}
