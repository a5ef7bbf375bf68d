import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDocumentsAndEvents1795703000000 implements MigrationInterface {
  name = 'CreateDocumentsAndEvents1795703000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Folds case and French accents so a search for "integration" finds "intégrations".
    // Hand-written rather than the unaccent extension, which PGlite does not load by default
    // and which is not IMMUTABLE (a generated column needs that).
    await queryRunner.query(`
      CREATE FUNCTION "coupole_fold"(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT translate(
          replace(replace(lower(value), 'œ', 'oe'), 'æ', 'ae'),
          'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ',
          'aaaaaaceeeeiiiinooooouuuuyy') $$`);
    await queryRunner.query(`
      CREATE TABLE "documents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" varchar(300) NOT NULL,
        "kind" varchar(40) NOT NULL,
        "status" varchar(20) NOT NULL DEFAULT 'drafting',
        "markdown" text NOT NULL DEFAULT '',
        "search" tsvector GENERATED ALWAYS AS (
          to_tsvector('french'::regconfig, "coupole_fold"("title" || ' ' || "markdown"))
        ) STORED,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "last_edited_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_documents" PRIMARY KEY ("id"),
        CONSTRAINT "ck_documents_kind" CHECK ("kind" IN ('note_technique', 'note_politique', 'memorandum',
          'courrier', 'question_parlementaire', 'communique', 'analyse')),
        CONSTRAINT "ck_documents_status" CHECK ("status" IN ('drafting', 'in_round', 'adopted', 'withdrawn')),
        CONSTRAINT "ck_documents_title" CHECK (length(btrim("title")) > 0),
        CONSTRAINT "fk_documents_created_by" FOREIGN KEY ("created_by")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_documents_search" ON "documents" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "ix_documents_last_edited_at" ON "documents" ("last_edited_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_documents_title" ON "documents" ("title")`);

    await queryRunner.query(`
      CREATE TABLE "document_observers" (
        "document_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "pk_document_observers" PRIMARY KEY ("document_id", "user_id"),
        CONSTRAINT "fk_document_observers_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_document_observers_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_document_observers_user" ON "document_observers" ("user_id")`);

    // round_id has no foreign key here: rounds are created by a later migration.
    await queryRunner.query(`
      CREATE TABLE "events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "round_id" uuid,
        "type" varchar(40) NOT NULL,
        "actor_id" uuid,
        "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "payload" jsonb NOT NULL,
        CONSTRAINT "pk_events" PRIMARY KEY ("id"),
        CONSTRAINT "fk_events_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_events_actor" FOREIGN KEY ("actor_id")
          REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_events_document_at" ON "events" ("document_id", "at")`);
    await queryRunner.query(`CREATE INDEX "ix_events_round" ON "events" ("round_id") WHERE "round_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "document_observers"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP FUNCTION "coupole_fold"(text)`);
  }
}
