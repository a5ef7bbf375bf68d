import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ListResponse, NotificationDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export type NotificationList = ListResponse<NotificationDto> & { unread: number };

export function getNotifications(): Promise<NotificationList> {
  return apiRequest<NotificationList>('/notifications');
}

export const notificationsQueryKey = ['notifications'] as const;

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationsQueryKey,
    queryFn: getNotifications,
  });

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
