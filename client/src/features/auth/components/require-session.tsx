import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useSession } from '../api/get-session';
import { CurrentUserContext } from '../../../lib/session/current-user';
import { useSessionRenewal } from '../hooks/use-session-renewal';
import { LOGIN_PATH, loginPathFor } from '../../../lib/session/paths';

export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <div className="page-centered">
        <Loading />
      </div>
    );
  }
  if (session.isError && session.data === undefined) {
    return (
      <div className="page-centered">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data) {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={here === '/' ? LOGIN_PATH : loginPathFor(here)} replace />;
  }
  return (
    <CurrentUserContext value={session.data}>
      <SessionRenewal />
      <Outlet />
    </CurrentUserContext>
  );
}

/** Mounted only while signed in. */
function SessionRenewal() {
  useSessionRenewal();
  return null;
}
