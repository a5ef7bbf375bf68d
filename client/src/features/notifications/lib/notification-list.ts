import type { Notification, NotificationList as List } from '../api/get-notifications';

/** The list with these notifications read, the unread count lowered by those that were not. */
export function markedRead(list: List, ids: readonly string[], readAt: string): List {
  const wanted = new Set(ids);
  let newlyRead = 0;
  const items = list.items.map((item) => {
    if (!wanted.has(item.id) || item.readAt) return item;
    newlyRead += 1;
    return { ...item, readAt };
  });
  return { ...list, items, unread: Math.max(0, list.unread - newlyRead) };
}

/**
 * Where a notification takes its reader: the round page for a round's news, else the link
 * the server gives (the document).
 */
export function notificationTarget(notification: Pick<Notification, 'documentId' | 'roundId' | 'link'>): string | null {
  if (notification.documentId && notification.roundId) {
    return `/documents/${notification.documentId}/tours/${notification.roundId}`;
  }
  return notification.link && notification.link.startsWith('/') && !notification.link.startsWith('//') ? notification.link : null;
}
