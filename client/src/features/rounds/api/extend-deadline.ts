import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { documentKeys, homeKeys, roundKeys } from '../../../lib/api/query-keys';
import type { RoundDetail } from './get-round';

export type ExtendDeadlineInput = ApiSchema<'ExtendDeadlineDto'>;

export function extendDeadline(roundId: string, input: ExtendDeadlineInput): Promise<RoundDetail> {
  return unwrap(api.POST('/api/rounds/{id}/deadline', { params: { path: { id: roundId } }, body: input }));
}

export function useExtendDeadline(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExtendDeadlineInput) => extendDeadline(roundId, input),
    onSuccess: (round) => {
      queryClient.setQueryData(roundKeys.detail(roundId), round);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.detail(round.documentId) }),
        queryClient.invalidateQueries({ queryKey: homeKeys.all }),
      ]);
    },
  });
}
