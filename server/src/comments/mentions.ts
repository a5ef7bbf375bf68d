import { FEDERATION_SLUGS } from '@coupole/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `@handles` written in a comment, lower-cased, each once, in order of appearance.
 * A handle starts after the beginning of the text, a space or an opening punctuation mark
 * (so "contact@cripel.be" is an address, not a mention) and drops trailing punctuation
 * ("@caips," → "caips").
 */
export function mentionHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(/(?:^|[\s([{«"“'‘>])@([\p{L}\p{N}._%+-]+)/gu)) {
    const handle = match[1].replace(/[._%+-]+$/u, '').toLowerCase();
    if (handle) handles.add(handle);
  }
  return [...handles];
}

export type MentionTarget = { kind: 'federation'; slug: string } | { kind: 'user'; by: 'id' | 'localPart'; value: string };

/** A federation slug first (`@caips`), then a user id, then an email's local part (`@caips-suppleant`). */
export function classifyHandle(handle: string): MentionTarget {
  if ((FEDERATION_SLUGS as readonly string[]).includes(handle)) return { kind: 'federation', slug: handle };
  if (UUID.test(handle)) return { kind: 'user', by: 'id', value: handle };
  return { kind: 'user', by: 'localPart', value: handle };
}
