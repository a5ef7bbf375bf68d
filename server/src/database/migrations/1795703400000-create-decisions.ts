import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDecisions1795703400000 implements MigrationInterface {
  name = 'CreateDecisions1795703400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `record` is the decision exactly as hashed (with seq and prev_hash); the other columns
    // are for ordering, filtering and search. round_id has no foreign key: the register must
    // outlive whatever the rounds table becomes, and it is checked by the hash chain anyway.
    await queryRunner.query(`
      CREATE TABLE "decisions" (
        "seq" bigint NOT NULL,
        "round_id" uuid NOT NULL,
        "document_id" uuid NOT NULL,
        "document_kind" varchar(40) NOT NULL,
        "record" jsonb NOT NULL,
        "prev_hash" char(64) NOT NULL,
        "hash" char(64) NOT NULL,
        "closed_at" timestamptz NOT NULL,
        "search_text" text NOT NULL,
        "search" tsvector GENERATED ALWAYS AS (
          to_tsvector('french'::regconfig, "coupole_fold"("search_text"))
        ) STORED,
        "appended_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_decisions" PRIMARY KEY ("seq"),
        CONSTRAINT "uq_decisions_round" UNIQUE ("round_id"),
        CONSTRAINT "uq_decisions_hash" UNIQUE ("hash"),
        CONSTRAINT "ck_decisions_seq" CHECK ("seq" > 0),
        CONSTRAINT "fk_decisions_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_decisions_search" ON "decisions" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "ix_decisions_document" ON "decisions" ("document_id")`);
    await queryRunner.query(`CREATE INDEX "ix_decisions_closed_at" ON "decisions" ("closed_at")`);

    // Append-only at the database level too. A DBA can still disable the triggers and rewrite a
    // row: that is what GET /api/decisions/verify detects.
    await queryRunner.query(`
      CREATE FUNCTION "coupole_decisions_append_only"() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the decision register is append-only (% refused)', TG_OP
            USING ERRCODE = 'restrict_violation';
        END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_decisions_append_only" BEFORE UPDATE OR DELETE ON "decisions"
        FOR EACH ROW EXECUTE FUNCTION "coupole_decisions_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_decisions_no_truncate" BEFORE TRUNCATE ON "decisions"
        FOR EACH STATEMENT EXECUTE FUNCTION "coupole_decisions_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "decisions"`);
    await queryRunner.query(`DROP FUNCTION "coupole_decisions_append_only"()`);
  }
}
