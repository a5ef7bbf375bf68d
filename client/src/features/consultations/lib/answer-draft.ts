import type { AnswerItem } from '../api/answer';

export type AnswerValues = Record<string, AnswerItem['value']>;

interface StoredDraft {
  values: AnswerValues;
  savedAt: string;
}

const key = (token: string) => `coupole:reponse:${token}`;

/** The answer as typed, kept in this browser so closing the tab loses nothing. */
export function readLocalDraft(token: string): StoredDraft | null {
  try {
    const raw = globalThis.localStorage?.getItem(key(token));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    return parsed && typeof parsed.values === 'object' && typeof parsed.savedAt === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(token: string, values: AnswerValues): void {
  try {
    globalThis.localStorage?.setItem(key(token), JSON.stringify({ values, savedAt: new Date().toISOString() } satisfies StoredDraft));
  } catch {
    // Private browsing or a full storage: the server draft still keeps it.
  }
}

export function clearLocalDraft(token: string): void {
  try {
    globalThis.localStorage?.removeItem(key(token));
  } catch {
    // Nothing to clear.
  }
}

export function toItems(values: AnswerValues): AnswerItem[] {
  return Object.entries(values).map(([questionId, value]) => ({ questionId, value }));
}

export function toValues(items: readonly AnswerItem[]): AnswerValues {
  return Object.fromEntries(items.map((item) => [item.questionId, item.value]));
}

/** French messages by question, from a refusal's `answers.<questionId>: message` lines. */
export function problemsByQuestion(messages: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const message of messages) {
    const match = /^answers\.([a-z0-9-]+): (.+)$/.exec(message);
    if (match) problems[match[1]] = match[2];
  }
  return problems;
}
