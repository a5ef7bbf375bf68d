import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

const feedKey = ['calendar-feed'] as const;

export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => apiRequest<CalendarFeedDto>('/calendar') });
}

export function useRenewCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CalendarFeedDto>('/calendar/token', { method: 'POST' }),
    onSuccess: (feed) => queryClient.setQueryData(feedKey, feed),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CalendarFeedDto>('/calendar/token', { method: 'DELETE' }),
    onSuccess: (feed) => queryClient.setQueryData(feedKey, feed),
  });
}
