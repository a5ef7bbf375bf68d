import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { notificationKeys } from '../../../lib/api/query-keys';
import { markedRead } from '../lib/notification-list';
import type { Notification, NotificationList } from './get-notifications';

export function markNotificationRead(id: string): Promise<Notification> {
  return unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
}

export function markAllNotificationsRead() {
  return unwrap(api.POST('/api/notifications/read-all'));
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: (notification) => {
      queryClient.setQueryData<NotificationList>(notificationKeys.all, (list) =>
        list ? markedRead(list, [notification.id], notification.readAt ?? new Date().toISOString()) : list,
      );
    },
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => {
      queryClient.setQueryData<NotificationList>(notificationKeys.all, (list) =>
        list ? markedRead(list, list.items.map((item) => item.id), new Date().toISOString()) : list,
      );
      return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
