import type { InfoTopic } from '@coupole/shared';

/** Catalogue keys of the watch’s eight topics (the watch and the public site show them), written out so the catalogue check sees them used. */
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
