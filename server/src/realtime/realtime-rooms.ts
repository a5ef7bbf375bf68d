/**
 * Rooms every socket of `/collab` and `/live` joins on connecting, so that a revocation reaches
 * its sockets on every instance (the Redis adapter relays `disconnectSockets` on a room).
 */
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The rooms whose sockets must close when sessions are revoked. */
export function revokedSessionRooms(event: { userId: string; sessionId?: string; exceptSessionId?: string }): {
  rooms: string[];
  except: string[];
} {
  if (event.sessionId) return { rooms: [sessionRoom(event.sessionId)], except: [] };
  return { rooms: [userRoom(event.userId)], except: event.exceptSessionId ? [sessionRoom(event.exceptSessionId)] : [] };
}
