import { useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../../lib/live/use-live';
import { homeKeys } from '../../../lib/api/query-keys';

/** The home page follows the list-level events and the caller's notifications (mentions). */
export function useLiveHome(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: homeKeys.all });
  useLive(
    {
      'round.opened': refresh,
      'round.updated': refresh,
      'round.closed': refresh,
      'round.deadline_extended': refresh,
      'document.edited': refresh,
      'document.updated': refresh,
      notification: refresh,
    },
    { onResync: refresh },
  );
}
