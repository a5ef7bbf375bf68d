import { useEffect, useRef } from 'react';
import type { LiveEventOf, LiveEventType } from '@coupole/shared';
import { acquireLiveSocket, followDocument, releaseLiveSocket, unfollowDocument } from './live-socket';

export type LiveHandlers = { [T in LiveEventType]?: (event: LiveEventOf<T>) => void };

interface UseLiveOptions {
  /** Follow this document's events (`subscribe`); without it, only list-level summaries arrive. */
  documentId?: string;
  /** Called after a reconnection: events may have been missed, so refetch what is shown. */
  onResync?: () => void;
}

/**
 * Listens to `/live` domain events. Handlers may change on every render; the socket listeners
 * stay the same and always call the latest ones.
 */
export function useLive(handlers: LiveHandlers, { documentId, onResync }: UseLiveOptions = {}): void {
  const latest = useRef({ handlers, onResync });
  latest.current = { handlers, onResync };
  const types = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    const socket = acquireLiveSocket();
    if (documentId) followDocument(socket, documentId);
    const listeners = (types.split(',').filter(Boolean) as LiveEventType[]).map((type) => {
      const listener = (event: { documentId: string }) => {
        if (documentId && event.documentId !== documentId) return;
        const handler = latest.current.handlers[type] as ((event: unknown) => void) | undefined;
        handler?.(event);
      };
      socket.on(type, listener as never);
      return { type, listener };
    });

    let connectedBefore = socket.connected;
    const handleConnect = () => {
      if (connectedBefore) latest.current.onResync?.();
      connectedBefore = true;
    };
    socket.on('connect', handleConnect);

    return () => {
      for (const { type, listener } of listeners) socket.off(type, listener as never);
      socket.off('connect', handleConnect);
      if (documentId) unfollowDocument(socket, documentId);
      releaseLiveSocket();
    };
  }, [documentId, types]);
}
