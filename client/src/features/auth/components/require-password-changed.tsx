import { Navigate, Outlet } from 'react-router';
import { useCurrentUser } from '../../../lib/session/current-user';
import { CHANGE_PASSWORD_PATH } from '../../../lib/session/paths';

/** The server refuses everything else until a temporary password is replaced. */
export function RequirePasswordChanged() {
  const user = useCurrentUser();
  if (user.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <Outlet />;
}
