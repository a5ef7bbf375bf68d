export const FEDERATION_SLUGS = ['aleap', 'caips', 'codef', 'fdss', 'risome'] as const;
export type FederationSlug = (typeof FEDERATION_SLUGS)[number];

export interface FederationMemberDto {
  id: string;
  displayName: string;
  /** Only for the secretariat, admins and the member's own federation. */
  email?: string;
  mandate: 'titular' | 'substitute';
}

export interface FederationDto {
  slug: FederationSlug;
  name: string;
  website: string;
  /** Colour used for presence and the convergence map; never the only cue. */
  colour: string;
  representatives: FederationMemberDto[];
}

/** Each federation's name as it writes it (acronym or short name), for labels and documents. */
export const FEDERATION_SHORT_NAMES: Readonly<Record<FederationSlug, string>> = {
  aleap: 'ALEAP',
  caips: 'CAIPS',
  codef: 'CODEF',
  fdss: 'FdSS',
  risome: 'Risome',
};
