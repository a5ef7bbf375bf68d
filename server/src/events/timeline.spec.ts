import type { TimelineEventDto, TimelineEventType } from '@coupole/shared';
import { groupTimeline } from './timeline';

const ALEAP = { id: 'u-aleap', displayName: 'Nadia Benali', federation: 'aleap' };
const CODEF = { id: 'u-codef', displayName: 'Catherine Dubois', federation: 'codef' };
let sequence = 0;

function event(type: TimelineEventType, at: string, actor: TimelineEventDto['actor'], payload: Record<string, unknown> = {}): TimelineEventDto {
  sequence += 1;
  return { id: `e${sequence}`, type, documentId: 'd1', roundId: null, actor, at: `2025-03-10T${at}:00.000Z`, payload };
}

describe(groupTimeline.name, () => {
  it('folds one person’s edits within the same quarter-hour into one item with at, until and count', () => {
    const items = groupTimeline([
      event('document.edited', '09:01', ALEAP, { length: 10 }),
      event('document.edited', '09:07', ALEAP, { length: 20 }),
      event('document.edited', '09:14', ALEAP, { length: 30 }),
    ]);

    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ at: '2025-03-10T09:01:00.000Z', until: '2025-03-10T09:14:00.000Z', count: 3, payload: { length: 30 } });
  });

  it('starts a new group at the next quarter-hour boundary (UTC buckets)', () => {
    const items = groupTimeline([event('document.edited', '09:14', ALEAP), event('document.edited', '09:15', ALEAP)]);

    expect(items.map((item) => item.count)).toEqual([1, 1]);
  });

  it('keeps different people’s edits apart, each where their first edit was', () => {
    const items = groupTimeline([
      event('document.edited', '10:00', ALEAP),
      event('document.edited', '10:02', CODEF),
      event('document.edited', '10:05', ALEAP),
    ]);

    expect(items.map((item) => [item.actor?.id, item.count])).toEqual([
      ['u-aleap', 2],
      ['u-codef', 1],
    ]);
  });

  it('groups edits without an actor together, apart from people’s', () => {
    const items = groupTimeline([event('document.edited', '11:00', null), event('document.edited', '11:01', null), event('document.edited', '11:02', ALEAP)]);

    expect(items.map((item) => [item.actor?.id ?? null, item.count])).toEqual([
      [null, 2],
      ['u-aleap', 1],
    ]);
  });

  it('leaves every other event as it is, in order, without until or count', () => {
    const created = event('document.created', '08:00', CODEF, { title: 'Mémorandum' });
    const comment = event('comment.created', '08:05', ALEAP);
    const items = groupTimeline([created, event('document.edited', '08:03', ALEAP), comment, event('document.edited', '08:06', ALEAP)]);

    expect(items.map((item) => item.type)).toEqual(['document.created', 'document.edited', 'comment.created']);
    expect(items[0]).toEqual(created);
    expect(items[2]).toEqual(comment);
    expect(items[1].count).toBe(2);
  });

  it('returns an empty timeline for no events', () => {
    expect(groupTimeline([])).toEqual([]);
  });
});
