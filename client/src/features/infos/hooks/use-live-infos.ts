import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { infoKeys } from '../../../lib/api/query-keys';
import { acquireLiveSocket, releaseLiveSocket } from '../../../lib/live/live-socket';

/** A new, changed or deleted info refreshes the lists on screen, for everyone connected. */
export function useLiveInfos(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = acquireLiveSocket();
    const refresh = () => void queryClient.invalidateQueries({ queryKey: infoKeys.lists() });
    const changed = (event: { infoId: string }) => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: infoKeys.detail(event.infoId), exact: true });
    };
    socket.on('info.created', refresh);
    socket.on('info.updated', changed);
    socket.on('info.deleted', changed);
    socket.on('connect', refresh);
    return () => {
      socket.off('info.created', refresh);
      socket.off('info.updated', changed);
      socket.off('info.deleted', changed);
      socket.off('connect', refresh);
      releaseLiveSocket();
    };
  }, [queryClient]);
}
