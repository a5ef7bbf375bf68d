import { ACCESS_TOKEN_RENEW_INTERVAL_MS } from '@coupole/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../../lib/api/api-error';
import { sessionKeys } from '../../../lib/api/query-keys';
import { refreshSession } from '../api/refresh-session';

/**
 * While the app is open, renews the short-lived access token well before it expires; a tab
 * coming back to the foreground (timers are slowed in the background) renews at once if due.
 * A refused renewal means the session ended (logout elsewhere, password changed, account
 * deactivated): forgetting the user sends the guards to the login page.
 */
export function useSessionRenewal(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    let renewedAt = Date.now();
    let stopped = false;

    const renew = async () => {
      renewedAt = Date.now();
      try {
        await refreshSession();
      } catch (error) {
        if (!stopped && isApiError(error) && error.status === 401) queryClient.setQueryData(sessionKeys.current, null);
      }
    };
    const timer = window.setInterval(() => void renew(), ACCESS_TOKEN_RENEW_INTERVAL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - renewedAt >= ACCESS_TOKEN_RENEW_INTERVAL_MS) void renew();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [queryClient]);
}
