import type { Affiliation, Province } from '@coupole/shared';

/** Catalogue keys of the ILI's provinces and affiliations (the directory and consultations show them), written out so the catalogue check sees each one used. */
export const PROVINCE_LABEL_KEYS = {
  brabant_wallon: 'ilis.provinces.brabant_wallon',
  hainaut: 'ilis.provinces.hainaut',
  liege: 'ilis.provinces.liege',
  luxembourg: 'ilis.provinces.luxembourg',
  namur: 'ilis.provinces.namur',
} as const satisfies Record<Province, string>;

export const AFFILIATION_LABEL_KEYS = {
  federation: 'ilis.affiliations.federation',
  copili: 'ilis.affiliations.copili',
  none: 'ilis.affiliations.none',
} as const satisfies Record<Affiliation, string>;
