import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@coupole/shared';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

let socket: LiveSocket | null = null;
let users = 0;
/** Followed documents and how many screens follow each, so one leaving does not cut the others. */
const followers = new Map<string, number>();
/** Followed consultations (results pages), counted the same way. */
const consultationFollowers = new Map<string, number>();

function subscribeAll(live: LiveSocket): void {
  for (const documentId of followers.keys()) live.emit('subscribe', { documentId }, () => undefined);
  for (const consultationId of consultationFollowers.keys()) live.emit('followConsultation', { consultationId }, () => undefined);
}

/**
 * One `/live` connection per tab, shared by every screen that listens; it opens with the first
 * user and closes with the last, so signing out (which unmounts everything) closes it too.
 */
export function acquireLiveSocket(): LiveSocket {
  users += 1;
  if (!socket) {
    const live = io(LIVE_NAMESPACE, { withCredentials: true, transports: ['websocket'] }) as LiveSocket;
    // Subscriptions live in the server's socket, so a new connection must ask again.
    live.on('connect', () => subscribeAll(live));
    // Closed by the server because the account or session changed: reconnect under the new
    // rights (socket.io does not by itself); an ended session is refused at the handshake.
    live.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => socket === live && !live.connected && live.connect(), 1_000);
    });
    socket = live;
  }
  return socket;
}

export function releaseLiveSocket(): void {
  users = Math.max(0, users - 1);
  if (users === 0 && socket) {
    socket.disconnect();
    socket = null;
    followers.clear();
    consultationFollowers.clear();
  }
}

export function followDocument(live: LiveSocket, documentId: string): void {
  const count = followers.get(documentId) ?? 0;
  followers.set(documentId, count + 1);
  if (count === 0 && live.connected) live.emit('subscribe', { documentId }, () => undefined);
}

export function unfollowDocument(live: LiveSocket, documentId: string): void {
  const count = followers.get(documentId) ?? 0;
  if (count <= 1) {
    followers.delete(documentId);
    if (live.connected) live.emit('unsubscribe', { documentId }, () => undefined);
  } else {
    followers.set(documentId, count - 1);
  }
}

/** A results page follows its consultation's answers (the server checks it may see them). */
export function followConsultation(live: LiveSocket, consultationId: string): void {
  const count = consultationFollowers.get(consultationId) ?? 0;
  consultationFollowers.set(consultationId, count + 1);
  if (count === 0 && live.connected) live.emit('followConsultation', { consultationId }, () => undefined);
}

export function unfollowConsultation(live: LiveSocket, consultationId: string): void {
  const count = consultationFollowers.get(consultationId) ?? 0;
  if (count <= 1) {
    consultationFollowers.delete(consultationId);
    if (live.connected) live.emit('unfollowConsultation', { consultationId }, () => undefined);
  } else {
    consultationFollowers.set(consultationId, count - 1);
  }
}
