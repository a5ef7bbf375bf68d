import type { AmendmentOwner, DocumentStatus, FederationSlug, Mandate, NormalisedPosition, ObjectionState, ReservationState, RoundStatus, Stance } from '@coupole/shared';
import { objectionTransition, reservationTransition } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual, MoreThan, Not, Repository } from 'typeorm';
import { preparedQuery } from '../database/prepared-statement';
import { Objection } from './objection.entity';
import { PositionChange } from './position-change.entity';
import { Position } from './position.entity';
import { Reservation } from './reservation.entity';
import { Round } from './round.entity';

/**
 * A cast is the hottest write of the platform (five federations, many rounds, everybody at the
 * deadline), so it is one SQL statement instead of a dozen ORM round trips. Run alone (its own
 * implicit transaction) or inside a transaction that already holds the position row
 * (`LOCK_POSITION_SQL`), it:
 *   - locks the round (FOR NO KEY UPDATE), only if it is open and its deadline is ahead (the
 *     rule of the shared `canChangePosition`; closing takes the row for update, so it waits for
 *     casts in flight and a later cast sees the closed round). Casts of one round take turns
 *     there: each adds one to the round's `seq`, the number of its `round.updated` event;
 *   - locks the federation's position row, and writes nothing if that row changed between the
 *     statement's snapshot and the lock (a concurrent cast of the same federation committed):
 *     the caller then runs it again in a transaction that locks first, so the objection it
 *     keeps or withdraws is never decided on a stale snapshot;
 *   - upserts the position, appends its history row and its timeline event, keeps one open
 *     objection for an `object` stance and withdraws it (with its event) for another stance,
 *     and likewise one open reservation record for a `reservations` stance (the shared
 *     `RESERVATION_TRANSITIONS`: open → withdrawn; it never blocks, so no event of its own);
 *   - returns the new `seq`, the other federations' positions as they are at that `seq` (for the
 *     tally), this federation's history and the objection and reservation the cast raised, kept
 *     or withdrawn.
 *     The other positions are read by `round_positions_except`, a VOLATILE function: it takes
 *     its own snapshot once the round is locked, so it sees every cast committed before this
 *     one. Read from the statement's snapshot, as before, two casts committing at once could
 *     each publish a tally missing the other.
 *
 * Its `"state" = 'open'` conditions and the `'withdrawn'` it writes are the atomic check of the
 * shared objection lifecycle (`OBJECTION_TRANSITIONS`: only an open objection moves, `withdraw`
 * makes it withdrawn), as in `RoundsRepository.withdraw` below.
 *
 * Parameters: $1 round id, $2 federation, $3 cast time, $4 caster id, $5 stance, $6 reason,
 * $7 paragraphs (JSON), $8 amendment, $9 no amendment possible, $10 evidence (JSON).
 */
const CAST_POSITION_SQL = `
WITH "round" AS MATERIALIZED (
  SELECT "id", "document_id", "number" FROM "rounds"
  WHERE "id" = $1 AND "status" = 'open' AND "closes_at" > $3
  FOR NO KEY UPDATE
),
"seen" AS MATERIALIZED (
  SELECT "revision" FROM "positions" WHERE "round_id" = $1 AND "federation_slug" = $2::text
),
"locked" AS MATERIALIZED (
  SELECT "stance", "revision" FROM "positions"
  WHERE "round_id" = $1 AND "federation_slug" = $2::text AND EXISTS (SELECT 1 FROM "round")
  FOR UPDATE
),
"go" AS MATERIALIZED (
  SELECT "round"."id", "round"."document_id", "round"."number",
         "locked"."stance" AS "previous_stance", "locked"."revision" AS "previous_revision"
  FROM "round" LEFT JOIN "locked" ON true
  WHERE "locked"."revision" IS NOT DISTINCT FROM (SELECT "revision" FROM "seen")
),
"bumped" AS (
  UPDATE "rounds" "r" SET "seq" = "r"."seq" + 1 FROM "go" WHERE "r"."id" = "go"."id"
  RETURNING "r"."seq"
),
"changed" AS (
  UPDATE "positions" "p"
  SET "stance" = $5, "reason" = $6, "paragraphs" = $7::jsonb, "amendment" = $8, "no_amendment_possible" = $9,
      "evidence" = $10::jsonb, "revision" = "go"."previous_revision" + 1, "cast_by" = $4, "cast_at" = $3
  FROM "go"
  WHERE "go"."previous_revision" IS NOT NULL AND "p"."round_id" = "go"."id" AND "p"."federation_slug" = $2::text
  RETURNING "p"."revision"
),
"first" AS (
  INSERT INTO "positions"
    ("round_id", "federation_slug", "stance", "reason", "paragraphs", "amendment", "no_amendment_possible", "evidence", "revision", "cast_by", "cast_at")
  SELECT "go"."id", $2::text, $5, $6, $7::jsonb, $8, $9, $10::jsonb, 1, $4, $3 FROM "go" WHERE "go"."previous_revision" IS NULL
  RETURNING "revision"
),
"history" AS (
  INSERT INTO "position_changes"
    ("round_id", "federation_slug", "revision", "stance", "reason", "paragraphs", "amendment", "no_amendment_possible", "cast_by", "cast_at")
  SELECT "go"."id", $2::text, COALESCE("go"."previous_revision", 0) + 1, $5, $6, $7::jsonb, $8, $9, $4, $3 FROM "go"
),
"cast_event" AS (
  INSERT INTO "events" ("document_id", "round_id", "type", "actor_id", "at", "payload")
  SELECT "go"."document_id", "go"."id",
         CASE WHEN "go"."previous_revision" IS NULL THEN 'position.cast' ELSE 'position.changed' END, $4, $3,
         jsonb_build_object('roundNumber', "go"."number", 'federation', $2::text, 'stance', $5::text)
           || CASE WHEN "go"."previous_revision" IS NULL THEN '{}'::jsonb
                   ELSE jsonb_build_object('previousStance', "go"."previous_stance") END
  FROM "go"
),
"objection_kept" AS (
  UPDATE "objections" "o"
  SET "reason" = $6, "paragraphs" = $7::jsonb, "amendment" = $8, "no_amendment_possible" = $9, "raised_by" = $4, "raised_at" = $3
  FROM "go"
  WHERE $5::text = 'object' AND "o"."raised_in_round_id" = "go"."id" AND "o"."federation_slug" = $2::text AND "o"."state" = 'open'
  RETURNING jsonb_build_object('id', "o"."id", 'state', "o"."state", 'reason', "o"."reason", 'paragraphs', "o"."paragraphs",
    'amendment', "o"."amendment", 'noAmendmentPossible', "o"."no_amendment_possible", 'answer', "o"."answer",
    'raisedById', "o"."raised_by", 'raisedAt', "o"."raised_at", 'raisedInRound', "o"."raised_in_round_number") AS "objection"
),
"objection_raised" AS (
  INSERT INTO "objections"
    ("document_id", "raised_in_round_id", "raised_in_round_number", "federation_slug", "state",
     "reason", "paragraphs", "amendment", "no_amendment_possible", "raised_by", "raised_at")
  SELECT "go"."document_id", "go"."id", "go"."number", $2::text, 'open', $6, $7::jsonb, $8, $9, $4, $3 FROM "go"
  WHERE $5::text = 'object' AND NOT EXISTS (
    SELECT 1 FROM "objections" "o"
    WHERE "o"."raised_in_round_id" = "go"."id" AND "o"."federation_slug" = $2::text AND "o"."state" = 'open'
  )
  RETURNING jsonb_build_object('id', "id", 'state', "state", 'reason', "reason", 'paragraphs', "paragraphs",
    'amendment', "amendment", 'noAmendmentPossible', "no_amendment_possible", 'answer', "answer",
    'raisedById', "raised_by", 'raisedAt', "raised_at", 'raisedInRound', "raised_in_round_number") AS "objection"
),
"objection_withdrawn" AS (
  UPDATE "objections" "o"
  SET "state" = 'withdrawn', "resolved_by" = $4, "resolved_at" = $3, "resolved_in_round_id" = "go"."id"
  FROM "go"
  WHERE $5::text <> 'object' AND "o"."raised_in_round_id" = "go"."id" AND "o"."federation_slug" = $2::text AND "o"."state" = 'open'
  RETURNING "o"."id", "go"."document_id", "go"."id" AS "round_id", "go"."number",
    jsonb_build_object('id', "o"."id", 'state', "o"."state", 'reason', "o"."reason", 'paragraphs', "o"."paragraphs",
    'amendment', "o"."amendment", 'noAmendmentPossible', "o"."no_amendment_possible", 'answer', "o"."answer",
    'raisedById', "o"."raised_by", 'raisedAt', "o"."raised_at", 'raisedInRound', "o"."raised_in_round_number") AS "objection"
),
"withdrawal_event" AS (
  INSERT INTO "events" ("document_id", "round_id", "type", "actor_id", "at", "payload")
  SELECT "document_id", "round_id", 'objection.withdrawn', $4, $3,
         jsonb_build_object('objectionId', "id", 'federation', $2::text, 'roundNumber', "number", 'stance', $5::text)
  FROM "objection_withdrawn"
),
"reservation_kept" AS (
  UPDATE "reservations" "v"
  SET "reason" = $6, "paragraphs" = $7::jsonb, "amendment" = $8, "raised_by" = $4, "raised_at" = $3
  FROM "go"
  WHERE $5::text = 'reservations' AND "v"."raised_in_round_id" = "go"."id" AND "v"."federation_slug" = $2::text AND "v"."state" = 'open'
  RETURNING jsonb_build_object('id', "v"."id", 'state', "v"."state", 'reason', "v"."reason", 'paragraphs', "v"."paragraphs",
    'amendment', "v"."amendment", 'raisedById', "v"."raised_by", 'raisedAt', "v"."raised_at", 'raisedInRound', "v"."raised_in_round_number",
    'integratedInVersion', "v"."integrated_in_version") AS "reservation"
),
"reservation_raised" AS (
  INSERT INTO "reservations"
    ("document_id", "raised_in_round_id", "raised_in_round_number", "federation_slug", "state",
     "reason", "paragraphs", "amendment", "raised_by", "raised_at")
  SELECT "go"."document_id", "go"."id", "go"."number", $2::text, 'open', $6, $7::jsonb, $8, $4, $3 FROM "go"
  WHERE $5::text = 'reservations' AND NOT EXISTS (
    SELECT 1 FROM "reservations" "v"
    WHERE "v"."raised_in_round_id" = "go"."id" AND "v"."federation_slug" = $2::text AND "v"."state" = 'open'
  )
  RETURNING jsonb_build_object('id', "id", 'state', "state", 'reason', "reason", 'paragraphs', "paragraphs",
    'amendment', "amendment", 'raisedById', "raised_by", 'raisedAt', "raised_at", 'raisedInRound', "raised_in_round_number",
    'integratedInVersion', "integrated_in_version") AS "reservation"
),
"reservation_withdrawn" AS (
  UPDATE "reservations" "v"
  SET "state" = 'withdrawn', "resolved_by" = $4, "resolved_at" = $3
  FROM "go"
  WHERE $5::text <> 'reservations' AND "v"."raised_in_round_id" = "go"."id" AND "v"."federation_slug" = $2::text AND "v"."state" = 'open'
  RETURNING jsonb_build_object('id', "v"."id", 'state', "v"."state", 'reason', "v"."reason", 'paragraphs', "v"."paragraphs",
    'amendment', "v"."amendment", 'raisedById', "v"."raised_by", 'raisedAt', "v"."raised_at", 'raisedInRound', "v"."raised_in_round_number",
    'integratedInVersion', "v"."integrated_in_version") AS "reservation"
)
SELECT
  EXISTS (SELECT 1 FROM "round") AS "open",
  EXISTS (SELECT 1 FROM "go") AS "written",
  (SELECT "status" FROM "rounds" WHERE "id" = $1) AS "round_status",
  (SELECT "closes_at" FROM "rounds" WHERE "id" = $1) AS "round_closes_at",
  (SELECT "previous_revision" FROM "go") AS "previous_revision",
  (SELECT "seq" FROM "bumped") AS "seq",
  round_positions_except($1, $2::text, (SELECT "seq" FROM "bumped")) AS "others",
  (SELECT "x"."objection" || jsonb_build_object('raisedByName', "u"."display_name", 'raisedByMandate', "u"."mandate")
   FROM (SELECT "objection" FROM "objection_kept" UNION ALL SELECT "objection" FROM "objection_raised"
         UNION ALL SELECT "objection" FROM "objection_withdrawn") "x"
   JOIN "users" "u" ON "u"."id" = ("x"."objection"->>'raisedById')::uuid
   LIMIT 1) AS "objection",
  (SELECT "x"."reservation" || jsonb_build_object('raisedByName', "u"."display_name", 'raisedByMandate', "u"."mandate")
   FROM (SELECT "reservation" FROM "reservation_kept" UNION ALL SELECT "reservation" FROM "reservation_raised"
         UNION ALL SELECT "reservation" FROM "reservation_withdrawn") "x"
   JOIN "users" "u" ON "u"."id" = ("x"."reservation"->>'raisedById')::uuid
   LIMIT 1) AS "reservation",
  (SELECT COALESCE(jsonb_agg(jsonb_build_object(
      'revision', "c"."revision", 'stance', "c"."stance", 'reason', "c"."reason", 'paragraphs', "c"."paragraphs",
      'amendment', "c"."amendment", 'noAmendmentPossible', "c"."no_amendment_possible", 'castAt', "c"."cast_at",
      'castById', "u"."id", 'displayName', "u"."display_name", 'mandate', "u"."mandate") ORDER BY "c"."revision"), '[]'::jsonb)
   FROM "position_changes" "c" JOIN "users" "u" ON "u"."id" = "c"."cast_by"
   WHERE "c"."round_id" = $1 AND "c"."federation_slug" = $2::text AND EXISTS (SELECT 1 FROM "go" WHERE "go"."previous_revision" IS NOT NULL)) AS "history"
`;

/** The casting federation's objection in this round as the cast left it. */
export interface CastObjectionRow {
  id: string;
  state: ObjectionState;
  reason: string | null;
  paragraphs: string[];
  amendment: string | null;
  noAmendmentPossible: boolean;
  answer: string | null;
  raisedById: string;
  raisedAt: string;
  raisedInRound: number;
  raisedByName: string;
  raisedByMandate: Mandate | null;
}

/** The casting federation's reservation record in this round as the cast left it. */
export interface CastReservationRow {
  id: string;
  state: ReservationState;
  reason: string | null;
  paragraphs: string[];
  amendment: string | null;
  raisedById: string;
  raisedAt: string;
  raisedInRound: number;
  integratedInVersion: number | null;
  raisedByName: string;
  raisedByMandate: Mandate | null;
}

/** Taken first by the transactional run, so that the statement's snapshot follows the lock. */
const LOCK_POSITION_SQL = `
WITH "round" AS MATERIALIZED (SELECT "id" FROM "rounds" WHERE "id" = $1 FOR NO KEY UPDATE)
SELECT 1 FROM "positions"
WHERE "round_id" = $1 AND "federation_slug" = $2::text AND EXISTS (SELECT 1 FROM "round")
FOR UPDATE
`;

export function castPositionParameters(
  roundId: string,
  federation: FederationSlug,
  at: Date,
  userId: string,
  cast: NormalisedPosition,
  evidence: readonly string[] = [],
): unknown[] {
  return [
    roundId,
    federation,
    at,
    userId,
    cast.stance,
    cast.reason,
    JSON.stringify(cast.paragraphs),
    cast.amendment,
    cast.noAmendmentPossible,
    JSON.stringify(evidence),
  ];
}

export interface CastPositionRow {
  open: boolean;
  written: boolean;
  /** The round's status and deadline as the statement saw them (why it was not open); null status: no such round. */
  round_status: RoundStatus | null;
  round_closes_at: Date | null;
  previous_revision: number | null;
  /** The round's `seq` after this cast; null when nothing was written. */
  seq: number | null;
  /** Null when nothing was written. */
  others: { federation: FederationSlug; stance: Stance; reason: string | null; paragraphs: string[] }[] | null;
  objection: CastObjectionRow | null;
  reservation: CastReservationRow | null;
  history: {
    revision: number;
    stance: Stance;
    reason: string | null;
    paragraphs: string[];
    amendment: string | null;
    noAmendmentPossible: boolean;
    castAt: string;
    castById: string;
    displayName: string;
    mandate: Mandate | null;
  }[];
}

/** What a cast needs to know of its round and of its document's access, in one read. */
const CASTABLE_ROUND_SQL = `
SELECT "r"."id", "r"."document_id", "r"."number", "r"."version_number", "r"."status", "r"."closes_at", "r"."auto_close",
       to_jsonb("r"."participants") AS "participants", "r"."paragraph_ids",
       "d"."status" AS "document_status",
       to_jsonb(ARRAY(SELECT "o"."user_id" FROM "document_observers" "o" WHERE "o"."document_id" = "r"."document_id")) AS "observer_ids"
FROM "rounds" "r" JOIN "documents" "d" ON "d"."id" = "r"."document_id"
WHERE "r"."id" = $1
`;

export interface CastableRoundRow {
  id: string;
  document_id: string;
  number: number;
  version_number: number;
  status: RoundStatus;
  closes_at: Date | string;
  auto_close: boolean;
  participants: FederationSlug[];
  paragraph_ids: string[];
  document_status: DocumentStatus;
  observer_ids: string[];
}

/** The state an objection reaches by `event` from `open` (the shared lifecycle; the UPDATEs below keep `state = 'open'` as their atomic check of it). */
function fromOpen(event: 'integrate' | 'withdraw' | 'rule_in_the_rough'): ObjectionState {
  const next = objectionTransition('open', event);
  if (!next) throw new Error(`An open objection cannot ${event}`);
  return next;
}

/**
 * The only place that reads and writes the rounds module's tables (rounds, positions,
 * position_changes, objections, reservations). Other modules ask the rounds services. Methods that take an
 * `EntityManager` run in the caller's transaction; the others on their own.
 */
@Injectable()
export class RoundsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Round) private readonly rounds: Repository<Round>,
    @InjectRepository(Position) private readonly positions: Repository<Position>,
    @InjectRepository(PositionChange) private readonly changes: Repository<PositionChange>,
    @InjectRepository(Objection) private readonly objections: Repository<Objection>,
    @InjectRepository(Reservation) private readonly reservations: Repository<Reservation>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private roundsOf(manager?: EntityManager): Repository<Round> {
    return manager ? manager.getRepository(Round) : this.rounds;
  }

  private objectionsOf(manager?: EntityManager): Repository<Objection> {
    return manager ? manager.getRepository(Objection) : this.objections;
  }

  // Rounds

  findRound(id: string, manager?: EntityManager): Promise<Round | null> {
    return this.roundsOf(manager).findOneBy({ id });
  }

  findRoundOrFail(id: string, manager?: EntityManager): Promise<Round> {
    return this.roundsOf(manager).findOneByOrFail({ id });
  }

  /** The round row locked for update: closing, extending, settling wait for each other. */
  lockRound(manager: EntityManager, id: string): Promise<Round | null> {
    return manager.getRepository(Round).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  roundsOfDocument(documentId: string): Promise<Round[]> {
    return this.rounds.find({ where: { documentId }, order: { number: 'ASC' } });
  }

  roundsByIds(ids: readonly string[]): Promise<Round[]> {
    return ids.length ? this.rounds.find({ where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  roundNumbered(documentId: string, number: number): Promise<Round | null> {
    return this.rounds.findOneBy({ documentId, number });
  }

  countRoundsOfDocument(documentId: string, manager?: EntityManager): Promise<number> {
    return this.roundsOf(manager).count({ where: { documentId } });
  }

  /** The round with who opened and who closed it. */
  withPeople(id: string): Promise<Round | null> {
    return this.rounds.findOne({ where: { id }, relations: { openedBy: true, closedBy: true } });
  }

  async lastRoundNumber(manager: EntityManager, documentId: string): Promise<number> {
    const last = await manager
      .getRepository(Round)
      .createQueryBuilder('round')
      .select('COALESCE(MAX(round.number), 0)', 'last')
      .where('round.documentId = :documentId', { documentId })
      .getRawOne<{ last: number | string }>();
    return Number(last?.last ?? 0);
  }

  async insertRound(manager: EntityManager, round: Omit<Round, 'id' | 'seq' | 'outcome' | 'closeCause' | 'closedAt' | 'closedById' | 'outcomeStatement' | 'answers' | 'decisionSeq' | 'deadlineExtensions' | 'carriedObjectionIds'> & { carriedObjectionIds: string[] }): Promise<Round> {
    const created = manager.getRepository(Round).create(round);
    await manager.getRepository(Round).insert(created);
    return created;
  }

  openRounds(): Promise<Round[]> {
    return this.rounds.find({ where: { status: 'open' } });
  }

  dueRoundIds(now: Date): Promise<string[]> {
    return this.rounds
      .find({ where: { status: 'open', closesAt: LessThanOrEqual(now) }, select: { id: true }, order: { closesAt: 'ASC' } })
      .then((rows) => rows.map((row) => row.id));
  }

  closedSince(since: Date, take: number): Promise<Round[]> {
    return this.rounds.find({ where: { status: 'closed', closedAt: MoreThan(since) }, order: { closedAt: 'DESC' }, take });
  }

  /** Closes an open round; false when it was no longer open (closed by someone else). */
  async claimClosing(
    manager: EntityManager,
    id: string,
    closing: Pick<Round, 'outcome' | 'closeCause' | 'closedAt' | 'closedById' | 'outcomeStatement' | 'answers'>,
  ): Promise<boolean> {
    const claimed = await manager
      .createQueryBuilder()
      .update(Round)
      .set({ status: 'closed', ...closing })
      .where('id = :id AND status = :open', { id, open: 'open' })
      .execute();
    return claimed.affected === 1;
  }

  async setDecisionSeq(manager: EntityManager, id: string, decisionSeq: number): Promise<void> {
    await manager.getRepository(Round).update({ id }, { decisionSeq });
  }

  async moveDeadline(manager: EntityManager, id: string, change: Pick<Round, 'closesAt' | 'deadlineExtensions'>): Promise<void> {
    await manager.getRepository(Round).update({ id }, change);
  }

  // Positions

  positionsOfRounds(roundIds: readonly string[]): Promise<Position[]> {
    return roundIds.length ? this.positions.find({ where: { roundId: In([...roundIds]) } }) : Promise.resolve([]);
  }

  /** Which federations answered these rounds. */
  answeredFederations(roundIds: readonly string[]): Promise<Pick<Position, 'roundId' | 'federation'>[]> {
    return roundIds.length
      ? this.positions.find({ where: { roundId: In([...roundIds]) }, select: { roundId: true, federation: true } })
      : Promise.resolve([]);
  }

  /** The round's positions with who cast them. */
  positionsWithCasters(roundId: string, manager?: EntityManager): Promise<Position[]> {
    return (manager ? manager.getRepository(Position) : this.positions).find({ where: { roundId }, relations: { castBy: true } });
  }

  changesOfRound(roundId: string): Promise<PositionChange[]> {
    return this.changes.find({ where: { roundId }, relations: { castBy: true }, order: { revision: 'ASC' } });
  }

  /** The cast's single statement, alone (its own implicit transaction). */
  async cast(parameters: unknown[]): Promise<CastPositionRow> {
    const [row] = await preparedQuery<CastPositionRow>(this.dataSource, 'rounds.cast-position', CAST_POSITION_SQL, parameters);
    return row;
  }

  /** The cast's single statement after taking the position's lock, in `manager`'s transaction (or a new one). */
  async castLocked(parameters: unknown[], manager?: EntityManager): Promise<CastPositionRow> {
    const run = async (transaction: EntityManager) => {
      await transaction.query(LOCK_POSITION_SQL, [parameters[0], parameters[1]]);
      const [row] = await transaction.query<CastPositionRow[]>(CAST_POSITION_SQL, parameters);
      return row;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** What a cast needs to know of its round and of its document's access, in one read. */
  async castableRound(roundId: string): Promise<CastableRoundRow | undefined> {
    const [row] = await preparedQuery<CastableRoundRow>(this.dataSource, 'rounds.castable-round', CASTABLE_ROUND_SQL, [roundId]);
    return row;
  }

  // Objections

  findObjection(id: string, options: { lock?: boolean; manager?: EntityManager; withRaiser?: boolean } = {}): Promise<Objection | null> {
    return this.objectionsOf(options.manager).findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      ...(options.withRaiser ? { relations: { raisedBy: true } } : {}),
    });
  }

  findObjectionWithRaiser(id: string, manager?: EntityManager): Promise<Objection> {
    return this.objectionsOf(manager).findOneOrFail({ where: { id }, relations: { raisedBy: true } });
  }

  /** The objection a federation raised in a round, the latest if it raised several (then withdrew them). */
  latestObjectionOf(roundId: string, federation: FederationSlug, manager?: EntityManager): Promise<Objection | null> {
    return this.objectionsOf(manager).findOne({ where: { raisedInRoundId: roundId, federation }, order: { raisedAt: 'DESC' } });
  }

  /** The objections raised in a round, oldest first. */
  objectionsRaisedIn(roundId: string): Promise<Objection[]> {
    return this.objectionsOf().find({ where: { raisedInRoundId: roundId }, order: { raisedAt: 'ASC' } });
  }

  /** A document's open objections, oldest first. */
  openObjections(manager: EntityManager, documentId: string): Promise<Objection[]> {
    return manager.getRepository(Objection).find({ where: { documentId, state: 'open' }, order: { raisedAt: 'ASC' } });
  }

  /** Objections integrated into the draft that no round has resolved yet, oldest first. */
  integratedSinceLastRound(manager: EntityManager, documentId: string): Promise<Objection[]> {
    return manager.getRepository(Objection).find({ where: { documentId, state: 'integrated', resolvedInRoundId: IsNull() }, order: { raisedAt: 'ASC' } });
  }

  async resolveInRound(manager: EntityManager, ids: readonly string[], roundId: string): Promise<void> {
    if (ids.length) await manager.getRepository(Objection).update({ id: In([...ids]) }, { resolvedInRoundId: roundId });
  }

  /** The objections a round shows: raised in it, and carried into it. */
  objectionsShownIn(round: Pick<Round, 'id' | 'carriedObjectionIds'>, manager?: EntityManager): Promise<Objection[]> {
    return this.objectionsOf(manager).find({
      where: [{ raisedInRoundId: round.id }, ...(round.carriedObjectionIds.length ? [{ id: In(round.carriedObjectionIds) }] : [])],
      relations: { raisedBy: true },
      order: { raisedInRoundNumber: 'ASC', raisedAt: 'ASC' },
    });
  }

  openObjectionsByIds(manager: EntityManager, ids: readonly string[]): Promise<Objection[]> {
    return ids.length ? manager.getRepository(Objection).find({ where: { id: In([...ids]), state: 'open' } }) : Promise.resolve([]);
  }

  /** Integrates an open objection (no-op if it moved meanwhile); false when it was not open. */
  async integrate(manager: EntityManager | undefined, id: string, resolution: { roundId?: string; byId: string; at: Date }): Promise<boolean> {
    const result = await this.objectionsOf(manager).update(
      { id, state: 'open' },
      { state: fromOpen('integrate'), ...(resolution.roundId ? { resolvedInRoundId: resolution.roundId } : {}), resolvedById: resolution.byId, resolvedAt: resolution.at },
    );
    return Boolean(result.affected);
  }

  async withdraw(manager: EntityManager, id: string, resolution: { roundId: string; byId: string | null; at: Date }): Promise<void> {
    await manager.getRepository(Objection).update(
      { id, state: 'open' },
      { state: fromOpen('withdraw'), resolvedInRoundId: resolution.roundId, resolvedById: resolution.byId, resolvedAt: resolution.at },
    );
  }

  async ruleInTheRough(
    manager: EntityManager,
    raisedIn: { roundId: string; federation: FederationSlug },
    resolution: { answer: string | null; byId: string | null; at: Date },
  ): Promise<void> {
    await manager.getRepository(Objection).update(
      { raisedInRoundId: raisedIn.roundId, federation: raisedIn.federation, state: 'open' },
      {
        state: fromOpen('rule_in_the_rough'),
        answer: resolution.answer,
        resolvedInRoundId: raisedIn.roundId,
        resolvedById: resolution.byId,
        resolvedAt: resolution.at,
      },
    );
  }
  /** Records that "accept the amendment" took an objection's or reservation's amendment into the draft. */
  async recordAmendmentAccepted(owner: AmendmentOwner, acceptance: { byId: string; at: Date }): Promise<void> {
    const values = { amendmentAcceptedById: acceptance.byId, amendmentAcceptedAt: acceptance.at };
    if (owner.source === 'objection') await this.objections.update({ id: owner.id }, values);
    else await this.reservations.update({ id: owner.id }, values);
  }

  // Reservations

  findReservation(id: string, options: { withRaiser?: boolean } = {}): Promise<Reservation | null> {
    return this.reservations.findOne({ where: { id }, ...(options.withRaiser ? { relations: { raisedBy: true } } : {}) });
  }

  /** The reservation a federation cast in a round, the latest if it cast several (then withdrew them). */
  latestReservationOf(roundId: string, federation: FederationSlug, manager?: EntityManager): Promise<Reservation | null> {
    return (manager ? manager.getRepository(Reservation) : this.reservations).findOne({ where: { raisedInRoundId: roundId, federation }, order: { raisedAt: 'DESC' } });
  }

  /** The reservations a round shows: cast in it and not replaced by a later cast, with who cast them. */
  reservationsShownIn(roundId: string): Promise<Reservation[]> {
    return this.reservations.find({
      where: { raisedInRoundId: roundId, state: In(['open', 'integrated']) },
      relations: { raisedBy: true },
      order: { raisedAt: 'ASC' },
    });
  }

  /** A document's open reservations that carry an amendment, oldest first. */
  openAmendingReservations(documentId: string): Promise<Reservation[]> {
    return this.reservations.find({ where: { documentId, state: 'open', grounds: { amendment: Not(IsNull()) } }, order: { raisedAt: 'ASC' } });
  }

  /** Integrates an open reservation; false when it was no longer open. */
  async integrateReservation(id: string, resolution: { byId: string; at: Date; versionNumber: number }): Promise<boolean> {
    const next = reservationTransition('open', 'integrate');
    if (!next) throw new Error('An open reservation cannot be integrated');
    const result = await this.reservations.update(
      { id, state: 'open' },
      { state: next, integratedInVersion: resolution.versionNumber, resolvedById: resolution.byId, resolvedAt: resolution.at },
    );
    return Boolean(result.affected);
  }
}

