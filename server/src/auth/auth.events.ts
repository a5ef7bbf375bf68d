/** Sessions ended before their expiry: their open sockets must close too. */
export interface SessionsRevokedEvent {
  userId: string;
  /** One session (logout); absent: every session of the user, but `exceptSessionId`. */
  sessionId?: string;
  exceptSessionId?: string;
}

export interface AuthEvents {
  'auth.sessions_revoked': SessionsRevokedEvent;
}
