import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';
import { markedRead } from '../lib/notification-list';
import { notificationsQueryKey, type NotificationList } from './get-notifications';

export function markNotificationRead(id: string): Promise<NotificationDto> {
  return apiRequest<NotificationDto>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ updated: number }> {
  return apiRequest<{ updated: number }>('/notifications/read-all', { method: 'POST' });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: (notification) => {
      queryClient.setQueryData<NotificationList>(notificationsQueryKey, (list) =>
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
      queryClient.setQueryData<NotificationList>(notificationsQueryKey, (list) =>
        list ? markedRead(list, list.items.map((item) => item.id), new Date().toISOString()) : list,
      );
      return queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
    },
  });
}
