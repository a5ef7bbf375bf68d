import { FEDERATION_SLUGS, type FederationSlug } from '../domain/federations';
import type { ReservationSummary, Tally } from './dto';
import { STANCES, type Stance } from './types';

/** The least a position needs to be counted. */
export interface CountedPosition {
  federation: FederationSlug;
  stance: Stance;
  reason?: string | null;
  paragraphs?: readonly string[];
}

/**
 * Participants, distinct, in the canonical federation order, so that every
 * list derived from them reads the same whatever order the caller used.
 */
export function orderedParticipants(participants: readonly FederationSlug[]): FederationSlug[] {
  const set = new Set(participants);
  return FEDERATION_SLUGS.filter((slug) => set.has(slug));
}

/**
 * Each participant's current position. Positions of non-participants are ignored;
 * one position per federation is expected, and if several are given the last one counts.
 */
export function positionsByParticipant<P extends CountedPosition>(
  participants: readonly FederationSlug[],
  positions: readonly P[],
): Map<FederationSlug, P> {
  const allowed = new Set(participants);
  const byFederation = new Map<FederationSlug, P>();
  for (const position of positions) {
    if (allowed.has(position.federation)) byFederation.set(position.federation, position);
  }
  return byFederation;
}

export function tally(
  positions: readonly CountedPosition[],
  participants: readonly FederationSlug[],
): Tally {
  const ordered = orderedParticipants(participants);
  const byFederation = positionsByParticipant(ordered, positions);
  const counts = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>;
  const answered: FederationSlug[] = [];
  const missing: FederationSlug[] = [];
  const objecting: FederationSlug[] = [];
  const reservations: ReservationSummary[] = [];

  for (const federation of ordered) {
    const position = byFederation.get(federation);
    if (!position) {
      missing.push(federation);
      continue;
    }
    answered.push(federation);
    counts[position.stance] += 1;
    if (position.stance === 'object') objecting.push(federation);
    if (position.stance === 'reservations') {
      reservations.push({
        federation,
        reason: position.reason ?? null,
        paragraphs: [...(position.paragraphs ?? [])],
      });
    }
  }

  const total = ordered.length;
  return {
    participants: ordered,
    counts,
    answered,
    missing,
    objecting,
    reservations,
    progress: { answered: answered.length, total, ratio: total === 0 ? 0 : answered.length / total },
  };
}
