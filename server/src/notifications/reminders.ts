import type { FederationSlug } from '@coupole/shared';

/** Federations that have not answered are reminded once, this long before the deadline. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** A reminder is due from 24 h before the deadline until the deadline itself. */
export function isReminderDue(closesAt: Date | string, now: Date): boolean {
  const deadline = new Date(closesAt).getTime();
  const remaining = deadline - now.getTime();
  return remaining > 0 && remaining <= REMINDER_LEAD_MS;
}

/** Participants still missing that were not reminded yet for this round. */
export function federationsToRemind(
  missing: readonly FederationSlug[],
  alreadyReminded: ReadonlySet<string>,
): FederationSlug[] {
  return [...new Set(missing)].filter((slug) => !alreadyReminded.has(slug));
}
