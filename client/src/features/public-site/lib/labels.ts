import type { InfoTopic } from '@coupole/shared';
import type { PublicPosition } from '../api/public-site';

/** Catalogue keys, written out so the catalogue check sees them used. */
export const STANCE_KEYS = {
  agree: 'publicSite.stances.agree',
  reservations: 'publicSite.stances.reservations',
  stand_aside: 'publicSite.stances.stand_aside',
  object: 'publicSite.stances.object',
  none: 'publicSite.stances.none',
} as const satisfies Record<PublicPosition['stances'][number]['stance'], string>;

export const TOPIC_KEYS = {
  sociale: 'infos.topics.sociale',
  politique: 'infos.topics.politique',
  reglementaire: 'infos.topics.reglementaire',
  juridique: 'infos.topics.juridique',
  financiere: 'infos.topics.financiere',
  economique: 'infos.topics.economique',
  pedagogique: 'infos.topics.pedagogique',
  ethique: 'infos.topics.ethique',
} as const satisfies Record<InfoTopic, string>;
