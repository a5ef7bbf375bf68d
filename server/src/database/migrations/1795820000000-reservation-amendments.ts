import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments on reservations (issue #10): a reservation cast in a round becomes a record of its
 * own, like an objection but never blocking, and the suggestions of its amendment point at it.
 * Objections and reservations also store when "accept the amendment" took their amendment into
 * the draft, so an amendment that made no suggestion (formatting, added paragraphs) still reads
 * as accepted after a reload.
 */
export class ReservationAmendments1795820000000 implements MigrationInterface {
  name = 'ReservationAmendments1795820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "reservations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "raised_in_round_id" uuid NOT NULL,
        "raised_in_round_number" integer NOT NULL,
        "federation_slug" varchar(20) NOT NULL,
        "reason" text,
        "paragraphs" jsonb NOT NULL DEFAULT '[]',
        "amendment" text,
        "no_amendment_possible" boolean NOT NULL DEFAULT false,
        "state" varchar(30) NOT NULL DEFAULT 'open',
        "raised_by" uuid NOT NULL,
        "raised_at" timestamptz NOT NULL,
        "amendment_accepted_by" uuid,
        "amendment_accepted_at" timestamptz,
        "integrated_in_version" integer,
        "resolved_by" uuid,
        "resolved_at" timestamptz,
        CONSTRAINT "pk_reservations" PRIMARY KEY ("id"),
        CONSTRAINT "ck_reservations_state" CHECK ("state" IN ('open', 'integrated', 'withdrawn')),
        CONSTRAINT "fk_reservations_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reservations_round" FOREIGN KEY ("raised_in_round_id") REFERENCES "rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reservations_raised_by" FOREIGN KEY ("raised_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_reservations_amendment_accepted_by" FOREIGN KEY ("amendment_accepted_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_reservations_resolved_by" FOREIGN KEY ("resolved_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    // One open reservation per federation and round: the cast statement keeps it or withdraws it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_reservations_open" ON "reservations" ("raised_in_round_id", "federation_slug") WHERE "state" = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_reservations_document_state" ON "reservations" ("document_id", "state")`);
    // Reservations cast before this migration (they could carry no amendment then).
    await queryRunner.query(`
      INSERT INTO "reservations"
        ("document_id", "raised_in_round_id", "raised_in_round_number", "federation_slug", "reason", "paragraphs", "state", "raised_by", "raised_at")
      SELECT "r"."document_id", "r"."id", "r"."number", "p"."federation_slug", "p"."reason", "p"."paragraphs", 'open', "p"."cast_by", "p"."cast_at"
      FROM "positions" "p" JOIN "rounds" "r" ON "r"."id" = "p"."round_id"
      WHERE "p"."stance" = 'reservations'`);

    await queryRunner.query(`ALTER TABLE "suggestions" ADD COLUMN "reservation_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "suggestions" ADD CONSTRAINT "ck_suggestions_one_amendment" CHECK ("objection_id" IS NULL OR "reservation_id" IS NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_suggestions_reservation" ON "suggestions" ("reservation_id") WHERE "reservation_id" IS NOT NULL`);

    await queryRunner.query(`ALTER TABLE "objections" ADD COLUMN "amendment_accepted_by" uuid`);
    await queryRunner.query(`ALTER TABLE "objections" ADD COLUMN "amendment_accepted_at" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "fk_objections_amendment_accepted_by" FOREIGN KEY ("amendment_accepted_by") REFERENCES "users" ("id") ON DELETE RESTRICT`,
    );
    // Objections whose amendment "accept the amendment" already took (its timeline event says when and who).
    await queryRunner.query(`
      UPDATE "objections" "o" SET "amendment_accepted_by" = "e"."actor_id", "amendment_accepted_at" = "e"."at"
      FROM (
        SELECT DISTINCT ON ("payload"->>'objectionId') "payload"->>'objectionId' AS "objection_id", "actor_id", "at"
        FROM "events" WHERE "type" = 'amendment.applied' AND "payload" ? 'objectionId'
        ORDER BY "payload"->>'objectionId', "at" DESC
      ) "e"
      WHERE "o"."id"::text = "e"."objection_id"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "objections" DROP CONSTRAINT "fk_objections_amendment_accepted_by"`);
    await queryRunner.query(`ALTER TABLE "objections" DROP COLUMN "amendment_accepted_at"`);
    await queryRunner.query(`ALTER TABLE "objections" DROP COLUMN "amendment_accepted_by"`);
    await queryRunner.query(`DROP INDEX "ix_suggestions_reservation"`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "ck_suggestions_one_amendment"`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP COLUMN "reservation_id"`);
    await queryRunner.query(`DROP TABLE "reservations"`);
  }
}
