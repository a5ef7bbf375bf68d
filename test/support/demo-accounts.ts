/** Password of every demo account (SEED_DEMO=1). */
export const DEMO_PASSWORD = 'coupole-demo';

/** The demo federations' representatives (CAIPS has a substitute too): each may cast a position. */
export const DEMO_REPRESENTATIVES = [
  'aleap@demo.coupole.be',
  'caips@demo.coupole.be',
  'caips-suppleant@demo.coupole.be',
  'codef@demo.coupole.be',
  'fdss@demo.coupole.be',
  'risome@demo.coupole.be',
];
