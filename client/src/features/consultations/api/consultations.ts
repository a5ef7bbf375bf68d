import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { consultationKeys } from '../../../lib/api/query-keys';

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

/** How often an open consultation's results are refreshed while its page is shown. */
export const LIVE_RESULTS_INTERVAL_MS = 5_000;

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

export function useResults(id: string, filter: ResultsFilter, live: boolean) {
  return useQuery({
    queryKey: consultationKeys.results(id, filter),
    queryFn: ({ signal }) => unwrap(api.GET('/api/consultations/{id}/results', { params: { path: { id }, query: filter }, signal })),
    placeholderData: keepPreviousData,
    // The response rate moves while the consultation is open: refresh it in the background.
    refetchInterval: live ? LIVE_RESULTS_INTERVAL_MS : false,
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
