/** The `@word` being typed just before the caret: where its `@` is and what follows it. */
export interface MentionQuery {
  start: number;
  query: string;
}

// As the server reads handles: an @ at the start, after a space or an opening mark, never inside an address.
const TYPING = /(?:^|[\s([{«"“'‘>])@([\p{L}\p{N}._-]*)$/u;

export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = TYPING.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/** Lower case without accents, so "aic" finds "Aïcha". */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

interface Candidate {
  handle: string;
  displayName: string;
}

/** Candidates whose handle, name or any word of the name starts with the query; federations and people as given, at most `limit`. */
export function matchMentions<T extends Candidate>(candidates: readonly T[], query: string, limit = 8): T[] {
  const wanted = fold(query);
  const matches = candidates.filter((candidate) => {
    if (wanted === '') return true;
    const name = fold(candidate.displayName);
    return fold(candidate.handle).startsWith(wanted) || name.startsWith(wanted) || name.split(/[\s'’-]+/).some((word) => word.startsWith(wanted));
  });
  return matches.slice(0, limit);
}

/** The text with the typed `@query` replaced by `@handle ` and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, handle: string): { text: string; caret: number } {
  const end = mention.start + 1 + mention.query.length;
  const after = text.slice(end);
  const inserted = `@${handle}${after.startsWith(' ') ? '' : ' '}`;
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length + (after.startsWith(' ') ? 1 : 0) };
}
