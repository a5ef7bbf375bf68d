export const FEDERATION_SLUGS = ['aleap', 'caips', 'codef', 'fdss', 'risome'] as const;
export type FederationSlug = (typeof FEDERATION_SLUGS)[number];

export interface FederationMemberDto {
  id: string;
  displayName: string;
  email: string;
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
