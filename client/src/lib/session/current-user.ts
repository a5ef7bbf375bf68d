import { createContext, useContext } from 'react';
import type { UserDto } from '@coupole/shared';

/**
 * Set by RequireSession for the pages behind it. A context rather than a second read of the
 * session query: when the session ends, the guard redirects before its children could see null.
 */
export const CurrentUserContext = createContext<UserDto | null>(null);

export function useCurrentUser(): UserDto {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireSession');
  return user;
}
