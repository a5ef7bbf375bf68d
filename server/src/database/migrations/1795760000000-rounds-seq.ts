import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A round's live sequence: each committed cast adds one, in the cast's own statement and under
 * the round's row lock, so `round.updated` events are numbered 1, 2, 3… per round and a client
 * that sees a number skipped knows it missed one (and refetches).
 *
 * `round_positions_except` gives the cast statement the other federations' positions read from
 * a snapshot of its own (a VOLATILE function's statements each take a new one), called once the
 * statement holds the round: so the tally published with `seq` n counts every cast up to n.
 */
export class RoundsSeq1795760000000 implements MigrationInterface {
  name = 'RoundsSeq1795760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" ADD COLUMN "seq" integer NOT NULL DEFAULT 0`);
    // Rounds cast on before this migration start at their number of recorded changes.
    await queryRunner.query(
      `UPDATE "rounds" "r" SET "seq" = (SELECT count(*) FROM "position_changes" "c" WHERE "c"."round_id" = "r"."id")`,
    );
    // STRICT: not run at all when the cast wrote nothing (its third argument, the new seq, is
    // null); that argument also makes it run after the round's row is locked and bumped.
    await queryRunner.query(`
      CREATE FUNCTION round_positions_except(round_id uuid, federation text, after_seq integer) RETURNS jsonb
      LANGUAGE sql VOLATILE STRICT AS $$
        SELECT COALESCE(jsonb_agg(jsonb_build_object(
          'federation', "p"."federation_slug", 'stance', "p"."stance", 'reason', "p"."reason", 'paragraphs', "p"."paragraphs")), '[]'::jsonb)
        FROM "positions" "p" WHERE "p"."round_id" = $1 AND "p"."federation_slug" <> $2
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION round_positions_except(uuid, text, integer)`);
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "seq"`);
  }
}
