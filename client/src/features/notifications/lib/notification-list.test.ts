import type { Notification } from '../api/get-notifications';
import { markedRead, notificationTarget } from './notification-list';

const notification = (id: string, readAt: string | null): Notification => ({
  id,
  kind: 'round.opened',
  title: 'Tour ouvert',
  body: 'Un tour de consensus est ouvert.',
  documentId: 'doc-1',
  roundId: 'round-1',
  link: '/documents/doc-1',
  readAt,
  createdAt: '2026-03-01T10:00:00Z',
});

describe('markedRead', () => {
  const list = { items: [notification('a', null), notification('b', null), notification('c', '2026-03-01T11:00:00Z')], total: 3, unread: 2 };

  it('marks the given notifications read and lowers the unread count', () => {
    const next = markedRead(list, ['a'], '2026-03-02T09:00:00Z');
    expect(next.unread).toBe(1);
    expect(next.items.map((item) => item.readAt)).toEqual(['2026-03-02T09:00:00Z', null, '2026-03-01T11:00:00Z']);
  });

  it('does not count a notification that was already read', () => {
    expect(markedRead(list, ['c'], '2026-03-02T09:00:00Z').unread).toBe(2);
  });

  it('never goes below zero', () => {
    expect(markedRead({ ...list, unread: 0 }, ['a', 'b'], '2026-03-02T09:00:00Z').unread).toBe(0);
  });
});

describe('notificationTarget', () => {
  it('opens the round page for a round notification', () => {
    expect(notificationTarget(notification('a', null))).toBe('/documents/doc-1/tours/round-1');
  });

  it('opens the server link otherwise', () => {
    expect(notificationTarget({ documentId: 'doc-1', roundId: null, link: '/documents/doc-1' })).toBe('/documents/doc-1');
  });

  it('refuses a link that leaves the site', () => {
    expect(notificationTarget({ documentId: null, roundId: null, link: '//evil.example/x' })).toBeNull();
    expect(notificationTarget({ documentId: null, roundId: null, link: 'https://evil.example/' })).toBeNull();
  });
});
