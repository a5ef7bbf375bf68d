import { api, unwrap } from '../../../lib/api/client';

/** A new short-lived access token (and cookie) for the current session. */
export function refreshSession(): Promise<unknown> {
  return unwrap(api.POST('/api/auth/refresh'));
}
