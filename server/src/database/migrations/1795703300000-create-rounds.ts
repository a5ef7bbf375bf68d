import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRounds1795703300000 implements MigrationInterface {
  name = 'CreateRounds1795703300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rounds" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "version_id" uuid NOT NULL,
        "version_number" integer NOT NULL,
        "content_hash" varchar(64) NOT NULL,
        "paragraph_ids" jsonb NOT NULL,
        "question" text NOT NULL,
        "rule" varchar(20) NOT NULL,
        "auto_close" boolean NOT NULL DEFAULT false,
        "closes_at" timestamptz NOT NULL,
        "participants" varchar(20)[] NOT NULL,
        "carried_objection_ids" uuid[] NOT NULL DEFAULT '{}',
        "status" varchar(10) NOT NULL DEFAULT 'open',
        "outcome" varchar(30),
        "close_cause" varchar(20),
        "outcome_statement" text,
        "answers" jsonb,
        "decision_seq" bigint,
        "opened_by" uuid NOT NULL,
        "opened_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "closed_at" timestamptz,
        "closed_by" uuid,
        CONSTRAINT "pk_rounds" PRIMARY KEY ("id"),
        CONSTRAINT "uq_rounds_document_number" UNIQUE ("document_id", "number"),
        CONSTRAINT "ck_rounds_number" CHECK ("number" > 0),
        CONSTRAINT "ck_rounds_rule" CHECK ("rule" IN ('consensus', 'silence', 'rough')),
        CONSTRAINT "ck_rounds_status" CHECK ("status" IN ('open', 'closed')),
        CONSTRAINT "ck_rounds_outcome" CHECK ("outcome" IN
          ('adopted', 'adopted_with_reservations', 'blocked', 'no_quorum', 'cancelled')),
        CONSTRAINT "ck_rounds_close_cause" CHECK ("close_cause" IN ('deadline', 'facilitator', 'auto_close', 'cancelled')),
        CONSTRAINT "ck_rounds_closed" CHECK (
          ("status" = 'open' AND "outcome" IS NULL AND "closed_at" IS NULL AND "close_cause" IS NULL)
          OR ("status" = 'closed' AND "outcome" IS NOT NULL AND "closed_at" IS NOT NULL AND "close_cause" IS NOT NULL)
        ),
        CONSTRAINT "fk_rounds_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_rounds_opened_by" FOREIGN KEY ("opened_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_rounds_closed_by" FOREIGN KEY ("closed_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    // At most one open round per document, whatever races between two facilitators.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rounds_open_per_document" ON "rounds" ("document_id") WHERE "status" = 'open'`,
    );
    // What the deadline scheduler scans.
    await queryRunner.query(`CREATE INDEX "ix_rounds_open_closes_at" ON "rounds" ("closes_at") WHERE "status" = 'open'`);

    await queryRunner.query(`
      CREATE TABLE "positions" (
        "round_id" uuid NOT NULL,
        "federation_slug" varchar(20) NOT NULL,
        "stance" varchar(20) NOT NULL,
        "reason" text,
        "paragraphs" jsonb NOT NULL DEFAULT '[]',
        "amendment" text,
        "no_amendment_possible" boolean NOT NULL DEFAULT false,
        "revision" integer NOT NULL,
        "cast_by" uuid NOT NULL,
        "cast_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_positions" PRIMARY KEY ("round_id", "federation_slug"),
        CONSTRAINT "ck_positions_stance" CHECK ("stance" IN ('agree', 'reservations', 'stand_aside', 'object')),
        CONSTRAINT "fk_positions_round" FOREIGN KEY ("round_id") REFERENCES "rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_positions_federation" FOREIGN KEY ("federation_slug")
          REFERENCES "federations" ("slug") ON DELETE RESTRICT,
        CONSTRAINT "fk_positions_cast_by" FOREIGN KEY ("cast_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);

    // Every state a position ever had, the current one included (its highest revision).
    await queryRunner.query(`
      CREATE TABLE "position_changes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "round_id" uuid NOT NULL,
        "federation_slug" varchar(20) NOT NULL,
        "revision" integer NOT NULL,
        "stance" varchar(20) NOT NULL,
        "reason" text,
        "paragraphs" jsonb NOT NULL DEFAULT '[]',
        "amendment" text,
        "no_amendment_possible" boolean NOT NULL DEFAULT false,
        "cast_by" uuid NOT NULL,
        "cast_at" timestamptz NOT NULL,
        CONSTRAINT "pk_position_changes" PRIMARY KEY ("id"),
        CONSTRAINT "uq_position_changes_revision" UNIQUE ("round_id", "federation_slug", "revision"),
        CONSTRAINT "fk_position_changes_round" FOREIGN KEY ("round_id") REFERENCES "rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_position_changes_cast_by" FOREIGN KEY ("cast_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);

    await queryRunner.query(`
      CREATE TABLE "objections" (
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
        "answer" text,
        "raised_by" uuid NOT NULL,
        "raised_at" timestamptz NOT NULL,
        "resolved_in_round_id" uuid,
        "resolved_by" uuid,
        "resolved_at" timestamptz,
        CONSTRAINT "pk_objections" PRIMARY KEY ("id"),
        CONSTRAINT "ck_objections_state" CHECK ("state" IN ('open', 'integrated', 'withdrawn', 'ruled_in_the_rough')),
        CONSTRAINT "fk_objections_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_objections_round" FOREIGN KEY ("raised_in_round_id") REFERENCES "rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_objections_resolved_in_round" FOREIGN KEY ("resolved_in_round_id")
          REFERENCES "rounds" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_objections_raised_by" FOREIGN KEY ("raised_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_objections_resolved_by" FOREIGN KEY ("resolved_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    // One open objection per federation and round: re-objecting updates it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_objections_open" ON "objections" ("raised_in_round_id", "federation_slug") WHERE "state" = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_objections_document_state" ON "objections" ("document_id", "state")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "objections"`);
    await queryRunner.query(`DROP TABLE "position_changes"`);
    await queryRunner.query(`DROP TABLE "positions"`);
    await queryRunner.query(`DROP TABLE "rounds"`);
  }
}
