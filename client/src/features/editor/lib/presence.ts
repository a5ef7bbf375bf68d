/** What each open editor publishes about its user through Yjs awareness. */
export interface AwarenessUser {
  userId: string;
  name: string;
  /** The federation's colour (CollaborationCaret reads `color`). */
  color: string;
  federation: string | null;
  federationName: string | null;
}

export interface PresentUser extends AwarenessUser {
  isSelf: boolean;
}

const NEUTRAL_COLOUR = '#4d5968';

export function isAwarenessUser(value: unknown): value is AwarenessUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user.userId === 'string' && typeof user.name === 'string';
}

/**
 * Everyone with the document open, once per person even with several tabs, the current user
 * first, then by name.
 */
export function presentUsers(states: Map<number, Record<string, unknown>>, selfUserId: string): PresentUser[] {
  const byUser = new Map<string, PresentUser>();
  for (const state of states.values()) {
    const user = state.user;
    if (!isAwarenessUser(user) || byUser.has(user.userId)) continue;
    byUser.set(user.userId, {
      userId: user.userId,
      name: user.name,
      color: typeof user.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : NEUTRAL_COLOUR,
      federation: user.federation ?? null,
      federationName: user.federationName ?? null,
      isSelf: user.userId === selfUserId,
    });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'fr'),
  );
}

/** Two letters for an avatar: first and last word of the name ("Anne-Marie Dubois" → "AD"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0].slice(0, 2).toLocaleUpperCase('fr');
  return (words[0][0] + words[words.length - 1][0]).toLocaleUpperCase('fr');
}

/** Black or white text, whichever reads better on the given background colour. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const hex = background.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

export { NEUTRAL_COLOUR };
