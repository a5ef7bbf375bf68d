/** What this feature needs to know of a federation; the route passes it in. */
export interface FederationOption {
  slug: string;
  name: string;
}
