import type {
  CastPositionDto,
  CountedPosition,
  EvidenceDto,
  PositionAuthorDto,
  PositionChangeDto,
  PositionDto,
  RoundObjectionDto,
  RoundReservationDto,
} from '@coupole/shared';
import type { User } from '../../users/user.entity';
import type { Objection } from '../objection.entity';
import type { PositionChange } from '../position-change.entity';
import type { Position } from '../position.entity';
import type { Reservation } from '../reservation.entity';

export type { CastPositionResponseDto, PreviousRoundDiffDto, RoundDetailDto, RoundObjectionDto, RoundReservationDto, RoundSummaryDto } from '@coupole/shared';

export function toAuthor(user: Pick<User, 'id' | 'displayName' | 'mandate'>): PositionAuthorDto {
  return { id: user.id, displayName: user.displayName, mandate: user.mandate ?? null };
}

/** A user who left no trace (should not happen: users are never deleted, only deactivated). */
const UNKNOWN_AUTHOR: PositionAuthorDto = { id: '', displayName: '', mandate: null };

/** A stored position as the shared rules count it (tally, convergence map). */
export function toCountedPosition(position: Pick<Position, 'federation' | 'stance' | 'grounds'>): CountedPosition {
  return { federation: position.federation, stance: position.stance, reason: position.grounds.reason, paragraphs: position.grounds.paragraphs };
}

export function toCastPosition(position: Position): CastPositionDto {
  return { federation: position.federation, ...toPositionChange(position) };
}

export function toPositionChange(change: Pick<PositionChange, 'stance' | 'grounds' | 'castBy' | 'castAt'>): PositionChangeDto {
  return {
    stance: change.stance,
    reason: change.grounds.reason,
    paragraphs: [...change.grounds.paragraphs],
    amendment: change.grounds.amendment,
    noAmendmentPossible: change.grounds.noAmendmentPossible,
    castBy: change.castBy ? toAuthor(change.castBy) : UNKNOWN_AUTHOR,
    castAt: change.castAt.toISOString(),
  };
}

/** `changes` holds every revision of this position, the current one included. */
export function toPositionDto(position: Position, changes: readonly PositionChange[], evidence: EvidenceDto[] = []): PositionDto {
  const history = changes
    .filter((change) => change.federation === position.federation && change.revision < position.revision)
    .sort((a, b) => a.revision - b.revision)
    .map(toPositionChange);
  return { ...toCastPosition(position), history, evidence };
}

export function toObjectionDto(objection: Objection, roundId: string): RoundObjectionDto {
  return {
    id: objection.id,
    federation: objection.federation,
    raisedInRound: objection.raisedInRoundNumber,
    reason: objection.grounds.reason,
    paragraphs: [...objection.grounds.paragraphs],
    amendment: objection.grounds.amendment,
    noAmendmentPossible: objection.grounds.noAmendmentPossible,
    state: objection.state,
    answer: objection.answer,
    raisedBy: objection.raisedBy ? toAuthor(objection.raisedBy) : UNKNOWN_AUTHOR,
    raisedAt: objection.raisedAt.toISOString(),
    carried: objection.raisedInRoundId !== roundId,
  };
}

/** `raisedBy` must be loaded for the caster's name. */
export function toReservationDto(reservation: Reservation): RoundReservationDto {
  return {
    id: reservation.id,
    federation: reservation.federation,
    raisedInRound: reservation.raisedInRoundNumber,
    reason: reservation.grounds.reason,
    paragraphs: [...reservation.grounds.paragraphs],
    amendment: reservation.grounds.amendment,
    state: reservation.state,
    integratedInVersion: reservation.integratedInVersion,
    raisedBy: reservation.raisedBy ? toAuthor(reservation.raisedBy) : UNKNOWN_AUTHOR,
    raisedAt: reservation.raisedAt.toISOString(),
  };
}
