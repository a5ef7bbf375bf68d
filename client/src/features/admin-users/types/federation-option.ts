import type { FederationSlug } from '@coupole/shared';

/** What this feature needs to know of a federation; the route passes it in. */
export interface FederationOption {
  slug: FederationSlug;
  name: string;
}
