import { useCallback } from 'react';
import type { FederationSlug } from '@coupole/shared';
import { useFederations } from '../../../lib/api/federations';

export interface FederationLabel {
  name: string;
  /** The acronym part of the name ("FdSS" for "FdSS – Fédération des Services Sociaux"). */
  short: string;
}

/** Federation names for a slug; the slug in capitals until the list has loaded. */
export function useFederationNames(): (slug: FederationSlug) => FederationLabel {
  const federations = useFederations();
  return useCallback(
    (slug: FederationSlug) => {
      const name = federations.data?.items.find((federation) => federation.slug === slug)?.name ?? slug.toUpperCase();
      return { name, short: name.split(/\s+[–-]\s+/)[0] };
    },
    [federations.data],
  );
}
