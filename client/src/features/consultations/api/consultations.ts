import { rateOf } from '@coupole/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { consultationKeys } from '../../../lib/api/query-keys';
import { useConsultationLive } from '../../../lib/live/use-consultation-live';

export type Consultation = ApiSchema<'ConsultationResponseDto'>;
export type ConsultationInput = ApiSchema<'CreateConsultationDto'>;
export type ConsultationScope = ApiSchema<'ConsultationScopeDto'>;
export type QuestionInput = ApiSchema<'QuestionInputDto'>;
export type ConsultationResults = ApiSchema<'ConsultationResultsResponseDto'>;
export type QuestionResult = ApiSchema<'QuestionResultResponseDto'>;
export type Series = ApiSchema<'SeriesResponseDto'>;

export interface ResultsFilter {
  affiliation?: NonNullable<ApiSchema<'IliResponseDto'>['affiliation']>;
  federation?: NonNullable<ApiSchema<'IliResponseDto'>['federation']>;
  province?: ApiSchema<'IliResponseDto'>['province'];
}

export function useConsultations() {
  return useQuery({ queryKey: consultationKeys.list(), queryFn: ({ signal }) => unwrap(api.GET('/api/consultations', { signal })) });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: consultationKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/consultations/{id}', { params: { path: { id } }, signal })),
  });
}

export function useScopeCount(scope: ConsultationScope, enabled: boolean) {
  return useQuery({
    queryKey: consultationKeys.scopeCount(scope),
    queryFn: ({ signal }) => unwrap(api.POST('/api/consultations/scope-count', { body: { scope }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveConsultation(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsultationInput) =>
      id ? unwrap(api.PATCH('/api/consultations/{id}', { params: { path: { id } }, body: input })) : unwrap(api.POST('/api/consultations', { body: input })),
    onSuccess: (saved) => {
      queryClient.setQueryData(consultationKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: consultationKeys.list() });
    },
  });
}

/** Launch, close or share: each answers with (or leads to) the consultation's new state. */
export function useConsultationAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'launch' | 'close' | 'share') => {
      const path = { params: { path: { id } } };
      if (action === 'launch') return unwrap(api.POST('/api/consultations/{id}/launch', path));
      if (action === 'close') return unwrap(api.POST('/api/consultations/{id}/close', path));
      return unwrap(api.POST('/api/consultations/{id}/share', path));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consultationKeys.all }),
  });
}

export function useResults(id: string, filter: ResultsFilter) {
  return useQuery({
    queryKey: consultationKeys.results(id, filter),
    queryFn: ({ signal }) => unwrap(api.GET('/api/consultations/{id}/results', { params: { path: { id }, query: filter }, signal })),
    placeholderData: keepPreviousData,
  });
}

/**
 * While an open consultation's results are shown, each answer arrives on `/live`
 * (`consultation.answered`): the overall rate is patched at once, and the breakdowns, the
 * per-question figures and the consultation's own counts are fetched again. After a
 * reconnection, answers may have been missed: the same refetch.
 */
export function useLiveResults(id: string, filter: ResultsFilter, open: boolean) {
  const queryClient = useQueryClient();
  useConsultationLive(open ? id : null, {
    onAnswered: ({ payload }) => {
      if (Object.values(filter).every((value) => value === undefined)) {
        queryClient.setQueryData<ConsultationResults>(consultationKeys.results(id, filter), (current) =>
          current ? { ...current, invited: payload.invited, responded: payload.responded, rate: rateOf(payload.responded, payload.invited) } : current,
        );
      }
      void queryClient.invalidateQueries({ queryKey: consultationKeys.detail(id) });
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey: consultationKeys.detail(id) }),
  });
}

export function useSeries(slug: string) {
  return useQuery({
    queryKey: consultationKeys.series(slug),
    queryFn: ({ signal }) => unwrap(api.GET('/api/series/{slug}', { params: { path: { slug } }, signal })),
  });
}

export function resultsExportUrl(id: string, format: 'csv' | 'xlsx'): string {
  return `/api/consultations/${encodeURIComponent(id)}/results/export?format=${format}`;
}
