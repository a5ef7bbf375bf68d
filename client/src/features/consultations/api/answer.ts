import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { consultationKeys } from '../../../lib/api/query-keys';

export type AnswerForm = ApiSchema<'AnswerFormResponseDto'>;
export type AnswerItem = ApiSchema<'AnswerItemDto'>;

export function useAnswerForm(token: string) {
  return useQuery({
    queryKey: consultationKeys.answer(token),
    queryFn: ({ signal }) => unwrap(api.GET('/api/answer/{token}', { params: { path: { token } }, signal })),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSaveAnswer(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { answers: AnswerItem[]; draft: boolean }) => unwrap(api.PUT('/api/answer/{token}', { params: { path: { token } }, body: input })),
    onSuccess: (form) => queryClient.setQueryData(consultationKeys.answer(token), form),
  });
}
