import { useEffect, useRef } from 'react';
import type { ConsultationAnsweredLiveEvent } from '@coupole/shared';
import { acquireLiveSocket, followConsultation, releaseLiveSocket, unfollowConsultation } from './live-socket';

interface ConsultationLiveHandlers {
  /** An ILI's answer was committed: the overall figures now. */
  onAnswered: (event: ConsultationAnsweredLiveEvent) => void;
  /** After a reconnection: answers may have been missed, so refetch what is shown. */
  onResync: () => void;
}

/**
 * Follows one consultation's answers on `/live` while `consultationId` is given (an open
 * consultation's results page). Handlers may change on every render.
 */
export function useConsultationLive(consultationId: string | null, handlers: ConsultationLiveHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!consultationId) return undefined;
    const socket = acquireLiveSocket();
    followConsultation(socket, consultationId);
    const onAnswered = (event: ConsultationAnsweredLiveEvent) => {
      if (event.consultationId === consultationId) latest.current.onAnswered(event);
    };
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) latest.current.onResync();
      connectedBefore = true;
    };
    socket.on('consultation.answered', onAnswered);
    socket.on('connect', onConnect);
    return () => {
      socket.off('consultation.answered', onAnswered);
      socket.off('connect', onConnect);
      unfollowConsultation(socket, consultationId);
      releaseLiveSocket();
    };
  }, [consultationId]);
}
