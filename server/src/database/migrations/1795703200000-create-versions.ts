import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVersions1795703200000 implements MigrationInterface {
  name = 'CreateVersions1795703200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "versions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "label" varchar(200),
        "author_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "yjs_state" bytea NOT NULL,
        "markdown" text NOT NULL,
        "content_hash" varchar(64) NOT NULL,
        "paragraphs" jsonb NOT NULL,
        CONSTRAINT "pk_versions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_versions_document_number" UNIQUE ("document_id", "number"),
        CONSTRAINT "ck_versions_number" CHECK ("number" > 0),
        CONSTRAINT "ck_versions_content_hash" CHECK ("content_hash" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "fk_versions_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_versions_author" FOREIGN KEY ("author_id")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    // A version is evidence (rounds and decisions cite its hash): the database refuses to change it.
    await queryRunner.query(`
      CREATE FUNCTION "versions_immutable"() RETURNS trigger
        LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION 'versions are immutable'; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_versions_immutable" BEFORE UPDATE ON "versions"
        FOR EACH ROW EXECUTE FUNCTION "versions_immutable"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "versions"`);
    await queryRunner.query(`DROP FUNCTION "versions_immutable"()`);
  }
}
