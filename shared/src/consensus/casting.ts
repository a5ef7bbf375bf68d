import type { FederationSlug } from '../domain/federations';
import type { Role } from '../domain/users';

/** Who casts a federation's voice: its representatives (titular or substitute), nobody else. */
export function representedFederation(user: { role: Role | string; federation: string | null }): FederationSlug | null {
  return user.role === 'representative' && user.federation ? (user.federation as FederationSlug) : null;
}

/** The federation this user casts for in this round: a representative of a participating federation, else null. */
export function castingFederation(
  user: { role: Role | string; federation: string | null },
  round: { participants: readonly FederationSlug[] },
): FederationSlug | null {
  const federation = representedFederation(user);
  return federation && round.participants.includes(federation) ? federation : null;
}
