import type { PublicPosition } from '../api/public-site';

/** Catalogue keys, written out so the catalogue check sees them used. */
export const STANCE_KEYS = {
  agree: 'publicSite.stances.agree',
  reservations: 'publicSite.stances.reservations',
  stand_aside: 'publicSite.stances.stand_aside',
  object: 'publicSite.stances.object',
  none: 'publicSite.stances.none',
} as const satisfies Record<PublicPosition['stances'][number]['stance'], string>;
