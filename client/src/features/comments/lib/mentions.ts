export type BodySegment = { kind: 'text'; text: string } | { kind: 'mention'; text: string; handle: string };

// A mention starts a word: "@caips", "@fdss," — but not the middle of an e-mail address.
const MENTION = /(^|[^\p{L}\p{N}._%+-])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])/gu;

/** Cuts a comment body into plain text and @mentions, for display. */
export function splitMentions(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const start = match.index + match[1].length;
    if (start > last) segments.push({ kind: 'text', text: body.slice(last, start) });
    const handle = match[2];
    segments.push({ kind: 'mention', text: `@${handle}`, handle: handle.toLowerCase() });
    last = start + 1 + handle.length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

/** Whether the comment mentions the user or their federation, to make it stand out. */
export function mentionsUser(
  mentions: readonly string[],
  user: { id: string; federation: string | null },
): boolean {
  return mentions.some((mention) => mention === user.id || (user.federation !== null && mention === user.federation));
}
