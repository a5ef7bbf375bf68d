import { useQuery } from '@tanstack/react-query';
import type { FederationSlug } from '@coupole/shared';
import { api, unwrap } from '../../../lib/api/client';
import { consultationKeys } from '../../../lib/api/query-keys';

/** Consultations the federation may cite in a position: its own and the Coupole's, once launched. */
export function useCitableConsultations(federation: FederationSlug) {
  return useQuery({
    queryKey: consultationKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/consultations', { signal })),
    select: (list) => list.filter((consultation) => consultation.status !== 'draft' && (consultation.federation === null || consultation.federation === federation)),
  });
}
