import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { calendarFeedKeys } from '../../../lib/api/query-keys';

export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarFeedKeys.mine,
    queryFn: ({ signal }) => unwrap(api.GET('/api/calendar', { signal })),
  });
}

export function useRenewCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/calendar/token')),
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedKeys.mine, feed),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/calendar/token')),
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedKeys.mine, feed),
  });
}
