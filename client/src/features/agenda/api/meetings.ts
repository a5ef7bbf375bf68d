import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { bodyKeys, documentKeys, meetingKeys } from '../../../lib/api/query-keys';

/** A meeting as the form sends it: the create request, plus the status an edit may change. */
export type MeetingInput = ApiSchema<'CreateMeetingDto'> & Pick<ApiSchema<'UpdateMeetingDto'>, 'status'>;

export type ActionInput = ApiSchema<'UpdateActionDto'>;

export const meetingsQueryOptions = (from: string, to: string) =>
  queryOptions({
    queryKey: meetingKeys.list(from, to),
    queryFn: ({ signal }) => unwrap(api.GET('/api/meetings', { params: { query: { from, to } }, signal })),
  });

export function useMeetings(from: string, to: string) {
  return useQuery(meetingsQueryOptions(from, to));
}

export const meetingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id } }, signal })),
  });

export function useMeeting(id: string) {
  return useQuery(meetingQueryOptions(id));
}

export function useDocumentMeetings(documentId: string) {
  return useQuery({
    queryKey: meetingKeys.ofDocument(documentId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/documents/{id}/meetings', { params: { path: { id: documentId } }, signal })),
  });
}

/** The caller's open follow-up actions (also for the home page). */
export const myActionsQueryOptions = () =>
  queryOptions({
    queryKey: meetingKeys.myActions(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/actions/mine', { signal })),
  });

export function useMyActions() {
  return useQuery(myActionsQueryOptions());
}

export function usePeople(enabled = true) {
  return useQuery({
    queryKey: meetingKeys.people(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/meetings/people', { signal })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useBodies() {
  return useQuery({
    queryKey: bodyKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/bodies', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useLinkableDocuments(enabled = true) {
  return useQuery({
    queryKey: documentKeys.list({ limit: 100 }),
    queryFn: ({ signal }) => unwrap(api.GET('/api/documents', { params: { query: { limit: 100 } }, signal })),
    enabled,
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) => unwrap(api.POST('/api/meetings', { body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export function useUpdateMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<MeetingInput>) => unwrap(api.PATCH('/api/meetings/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
    },
  });
}

export function useAddAction(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput & { title: string }) =>
      unwrap(api.POST('/api/meetings/{id}/actions', { params: { path: { id: meetingId } }, body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ActionInput & { id: string }) =>
      unwrap(api.PATCH('/api/actions/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}
