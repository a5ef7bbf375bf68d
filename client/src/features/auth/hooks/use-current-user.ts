import type { UserDto } from '@coupole/shared';
import { useSession } from '../api/get-session';

/** For components rendered behind RequireSession, where a signed-in user is guaranteed. */
export function useCurrentUser(): UserDto {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside an authenticated route');
  return data;
}
