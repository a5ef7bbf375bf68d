import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyDto, ListResponse, MeetingActionDto, MeetingDto, MeetingKind, MeetingStatus, MeetingSummaryDto, UserRefDto } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  start: string;
  end: string;
  place?: string;
  link?: string | null;
  bodyId?: string | null;
  attendeeIds?: string[];
  agenda?: { title: string; documentId?: string | null; roundId?: string | null }[];
  minutes?: string;
  status?: MeetingStatus;
}

export interface ActionInput {
  title?: string;
  assignee?: string | null;
  due?: string | null;
  done?: boolean;
}

const meetingsKey = ['meetings'] as const;

export const meetingsQueryOptions = (from: string, to: string) =>
  queryOptions({
    queryKey: [...meetingsKey, 'list', from, to] as const,
    queryFn: () => apiRequest<ListResponse<MeetingSummaryDto>>(`/meetings?from=${from}&to=${to}`),
  });

export function useMeetings(from: string, to: string) {
  return useQuery(meetingsQueryOptions(from, to));
}

export const meetingQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...meetingsKey, 'detail', id] as const, queryFn: () => apiRequest<MeetingDto>(`/meetings/${id}`) });

export function useMeeting(id: string) {
  return useQuery(meetingQueryOptions(id));
}

export function useDocumentMeetings(documentId: string) {
  return useQuery({
    queryKey: [...meetingsKey, 'document', documentId] as const,
    queryFn: () => apiRequest<ListResponse<MeetingSummaryDto>>(`/documents/${documentId}/meetings`),
  });
}

/** The caller's open follow-up actions (also for the home page). */
export const myActionsQueryOptions = () =>
  queryOptions({ queryKey: [...meetingsKey, 'actions', 'mine'] as const, queryFn: () => apiRequest<ListResponse<MeetingActionDto>>('/actions/mine') });

export function useMyActions() {
  return useQuery(myActionsQueryOptions());
}

export function usePeople(enabled = true) {
  return useQuery({
    queryKey: [...meetingsKey, 'people'] as const,
    queryFn: () => apiRequest<ListResponse<UserRefDto>>('/meetings/people'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useBodies() {
  return useQuery({ queryKey: ['bodies'] as const, queryFn: () => apiRequest<ListResponse<BodyDto>>('/bodies'), staleTime: 5 * 60_000 });
}

export function useLinkableDocuments(enabled = true) {
  return useQuery({
    queryKey: ['meetings', 'linkable-documents'] as const,
    queryFn: () => apiRequest<ListResponse<{ id: string; title: string }>>('/documents?limit=100'),
    enabled,
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) => apiRequest<MeetingDto>('/meetings', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingsKey }),
  });
}

export function useUpdateMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<MeetingInput>) => apiRequest<MeetingDto>(`/meetings/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingQueryOptions(id).queryKey, meeting);
      void queryClient.invalidateQueries({ queryKey: meetingsKey });
    },
  });
}

export function useAddAction(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => apiRequest<MeetingActionDto>(`/meetings/${meetingId}/actions`, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingsKey }),
  });
}

export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ActionInput & { id: string }) => apiRequest<MeetingActionDto>(`/actions/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingsKey }),
  });
}
