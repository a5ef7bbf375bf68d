import type { TimelineEventDto } from '@coupole/shared';

export const EDIT_GROUP_MINUTES = 15;
const BUCKET_MS = EDIT_GROUP_MINUTES * 60_000;

/**
 * Folds `document.edited` events into one item per person and per UTC quarter-hour (every
 * keystroke batch would otherwise drown the timeline). Input and output are oldest first; a
 * group takes the place of its first edit, with `at` = first, `until` = last, `count`.
 */
export function groupTimeline(events: readonly TimelineEventDto[]): TimelineEventDto[] {
  const items: TimelineEventDto[] = [];
  const groups = new Map<string, TimelineEventDto>();
  for (const event of events) {
    if (event.type !== 'document.edited') {
      items.push(event);
      continue;
    }
    const bucket = Math.floor(Date.parse(event.at) / BUCKET_MS);
    const key = `${event.actor?.id ?? ''}|${bucket}`;
    const group = groups.get(key);
    if (group) {
      group.until = event.at;
      group.count = (group.count ?? 1) + 1;
      group.payload = event.payload;
    } else {
      const created: TimelineEventDto = { ...event, until: event.at, count: 1 };
      groups.set(key, created);
      items.push(created);
    }
  }
  return items;
}
