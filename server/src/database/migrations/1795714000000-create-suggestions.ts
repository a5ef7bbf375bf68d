import { MigrationInterface, QueryRunner } from 'typeorm';

/** Suggestions (track changes) beside a document's Yjs body (DESIGN §10). */
export class CreateSuggestions1795714000000 implements MigrationInterface {
  name = 'CreateSuggestions1795714000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "suggestions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "author_id" uuid NOT NULL,
        "federation_slug" text,
        "kind" text NOT NULL,
        "quote" text NOT NULL,
        "replacement" text NOT NULL,
        "anchor_start" text NOT NULL,
        "anchor_end" text NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "objection_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "decided_by" uuid,
        "decided_at" timestamptz,
        CONSTRAINT "pk_suggestions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_suggestions_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_suggestions_author" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_suggestions_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users" ("id") ON DELETE SET NULL,
        CONSTRAINT "ck_suggestions_kind" CHECK ("kind" IN ('insert', 'delete', 'replace')),
        CONSTRAINT "ck_suggestions_status" CHECK ("status" IN ('open', 'accepted', 'rejected', 'withdrawn', 'orphaned')),
        CONSTRAINT "ck_suggestions_change" CHECK ("quote" <> "replacement")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_suggestions_document_created" ON "suggestions" ("document_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "suggestions"`);
  }
}
