import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FederationSlug } from '@coupole/shared';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { homeKeys } from '../../../lib/api/query-keys';

export type FederationReminder = ApiSchema<'FederationReminderResponseDto'>;

export function remindFederation(roundId: string, federation: FederationSlug): Promise<FederationReminder> {
  return unwrap(api.POST('/api/rounds/{id}/reminders', { params: { path: { id: roundId } }, body: { federation } }));
}

export function useRemindFederation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, federation }: { roundId: string; federation: FederationSlug }) => remindFederation(roundId, federation),
    onSettled: () => queryClient.invalidateQueries({ queryKey: homeKeys.all }),
  });
}
