import { convergenceMap, FEDERATION_SLUGS, type RoundUpdatedPayload } from '@coupole/shared';
import type { RoundDetail, RoundObjection, RoundPosition, RoundReservation } from '../api/get-round';

/** What a `round.updated` (or the caster's own answer) does to the round a page holds. */
export type RoundUpdateResult =
  | { kind: 'applied'; round: RoundDetail }
  /** Already included (an event older than the round, or the echo of one's own cast). */
  | { kind: 'stale' }
  /** One or more events were missed: only a refetch gives the round back. */
  | { kind: 'gap' };

type Update = Pick<RoundUpdatedPayload, 'seq' | 'tally' | 'objection' | 'reservation'> & {
  position: RoundUpdatedPayload['position'] & { history?: RoundPosition['history'] };
};

/**
 * Patches the round with the cast that `update` numbers `seq`, when it is the next one: the
 * tally as sent, the position (its previous state moves to its history), the objection and the
 * reservation the cast raised or withdrew, and the convergence map recomputed by the shared rule.
 */
export function applyRoundUpdate(round: RoundDetail, update: Update): RoundUpdateResult {
  if (update.seq <= round.seq) return { kind: 'stale' };
  if (update.seq !== round.seq + 1) return { kind: 'gap' };
  const { position: cast } = update;
  const earlier = round.positions.find((position) => position.federation === cast.federation);
  const history =
    cast.history ??
    (earlier
      ? [
          ...earlier.history,
          {
            stance: earlier.stance,
            reason: earlier.reason,
            paragraphs: earlier.paragraphs,
            amendment: earlier.amendment,
            noAmendmentPossible: earlier.noAmendmentPossible,
            castBy: earlier.castBy,
            castAt: earlier.castAt,
          },
        ]
      : []);
  const position: RoundPosition = { ...cast, history };
  const order = (federation: string) => FEDERATION_SLUGS.indexOf(federation as (typeof FEDERATION_SLUGS)[number]);
  const positions = [...round.positions.filter((other) => other.federation !== cast.federation), position].sort(
    (a, b) => order(a.federation) - order(b.federation),
  );
  return {
    kind: 'applied',
    round: {
      ...round,
      seq: update.seq,
      tally: update.tally,
      positions,
      objections: update.objection ? withObjection(round.objections, update.objection) : round.objections,
      reservations: update.reservation ? withReservation(round.reservations, update.reservation) : round.reservations,
      convergence: convergenceMap(
        round.units.filter((unit) => unit.objectable),
        positions,
      ),
    },
  };
}

function withObjection(objections: RoundObjection[], objection: RoundObjection): RoundObjection[] {
  const at = objections.findIndex((other) => other.id === objection.id);
  if (at < 0) return [...objections, objection];
  return objections.map((other, index) => (index === at ? objection : other));
}

/** A withdrawn reservation leaves the round's list (a later cast replaced it), as the server lists them. */
function withReservation(reservations: RoundReservation[], reservation: RoundReservation): RoundReservation[] {
  const others = reservations.filter((other) => other.id !== reservation.id);
  const order = (federation: string) => FEDERATION_SLUGS.indexOf(federation as (typeof FEDERATION_SLUGS)[number]);
  return reservation.state === 'withdrawn' ? others : [...others, reservation].sort((a, b) => order(a.federation) - order(b.federation));
}
