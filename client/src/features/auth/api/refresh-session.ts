import type { LoginResponse } from '@coupole/shared';
import { apiRequest } from '../../../lib/api-client';

/** A new short-lived access token (and cookie) for the current session. */
export function refreshSession(): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/refresh', { method: 'POST' });
}
