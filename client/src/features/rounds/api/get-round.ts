import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { roundKeys } from '../../../lib/api/query-keys';

export type RoundDetail = ApiSchema<'RoundDetailResponseDto'>;
export type RoundObjection = ApiSchema<'RoundObjectionResponseDto'>;
export type RoundReservation = ApiSchema<'RoundReservationResponseDto'>;
export type RoundPosition = ApiSchema<'PositionResponseDto'>;
export type PositionChange = ApiSchema<'PositionChangeResponseDto'>;
export type PositionAuthor = ApiSchema<'PositionAuthorResponseDto'>;
export type PreviousRoundDiff = ApiSchema<'PreviousRoundDiffResponseDto'>;
export type Paragraph = ApiSchema<'ParagraphResponseDto'>;
export type ParagraphUnit = ApiSchema<'ParagraphUnitResponseDto'>;

export function getRound(roundId: string, signal?: AbortSignal): Promise<RoundDetail> {
  return unwrap(api.GET('/api/rounds/{id}', { params: { path: { id: roundId } }, signal }));
}

export const roundQueryOptions = (roundId: string) =>
  queryOptions({
    queryKey: roundKeys.detail(roundId),
    queryFn: ({ signal }) => getRound(roundId, signal),
  });

export function useRound(roundId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...roundQueryOptions(roundId), enabled });
}
