import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { documentKeys, roundKeys } from '../../../lib/api/query-keys';
import type { RoundDetail } from './get-round';

export function withdrawObjection(roundId: string, objectionId: string) {
  return unwrap(
    api.POST('/api/rounds/{id}/objections/{objectionId}/withdraw', { params: { path: { id: roundId, objectionId } } }),
  );
}

export function applyAmendment(objectionId: string) {
  return unwrap(api.POST('/api/objections/{id}/apply-amendment', { params: { path: { id: objectionId } } }));
}

export function useWithdrawObjection(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (objectionId: string) => withdrawObjection(roundId, objectionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) }),
  });
}

export function useApplyAmendment(documentId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyAmendment,
    onSuccess: ({ objection }) => {
      // The objection stays open, its amendment accepted: the next frozen version integrates it.
      queryClient.setQueryData<RoundDetail>(roundKeys.detail(roundId), (round) =>
        round
          ? {
              ...round,
              objections: round.objections.map((entry) =>
                entry.id === objection.id ? { ...entry, state: objection.state, amendmentAccepted: objection.amendmentAccepted } : entry,
              ),
            }
          : round,
      );
      void queryClient.invalidateQueries({ queryKey: documentKeys.suggestions(documentId) });
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      // The draft changes through the collaborative editor; the document's metadata and timeline follow.
      void queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId) });
    },
  });
}

export function applyReservationAmendment(reservationId: string) {
  return unwrap(api.POST('/api/reservations/{id}/apply-amendment', { params: { path: { id: reservationId } } }));
}

/** A reservation's amendment into the draft: the reservation stays open until a frozen version carries it. */
export function useApplyReservationAmendment(documentId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyReservationAmendment,
    onSuccess: ({ reservation }) => {
      queryClient.setQueryData<RoundDetail>(roundKeys.detail(roundId), (round) =>
        round ? { ...round, reservations: round.reservations.map((entry) => (entry.id === reservation.id ? reservation : entry)) } : round,
      );
      void queryClient.invalidateQueries({ queryKey: documentKeys.suggestions(documentId) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId) });
    },
  });
}
