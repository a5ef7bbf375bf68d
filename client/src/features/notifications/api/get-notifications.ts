import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { notificationKeys } from '../../../lib/api/query-keys';

export type Notification = ApiSchema<'NotificationResponseDto'>;
export type NotificationList = ApiSchema<'NotificationListResponseDto'>;

export function getNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return unwrap(api.GET('/api/notifications', { signal }));
}

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => getNotifications(signal),
  });

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
