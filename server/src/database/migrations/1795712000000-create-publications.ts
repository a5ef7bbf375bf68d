import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePublications1795712000000 implements MigrationInterface {
  name = 'CreatePublications1795712000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per document ever published. What the public site shows is copied here when the
    // secretariat publishes, so public reads never touch drafts, people or members' data; the
    // copy is cleared when the text is withdrawn (only the title and the dates stay).
    await queryRunner.query(`
      CREATE TABLE "publications" (
        "document_id" uuid NOT NULL,
        "slug" varchar(130) NOT NULL,
        "title" varchar(300) NOT NULL,
        "kind" varchar(40) NOT NULL,
        "adopted_at" timestamptz NOT NULL,
        "decision_seq" integer,
        "decision_hash" varchar(64),
        "outcome" varchar(40),
        "version_number" integer,
        "content_hash" varchar(64),
        "markdown" text,
        "stances" jsonb NOT NULL DEFAULT '[]',
        "published_at" timestamptz NOT NULL,
        "published_by" uuid,
        "withdrawn_at" timestamptz,
        "withdrawn_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_publications" PRIMARY KEY ("document_id"),
        CONSTRAINT "uq_publications_slug" UNIQUE ("slug"),
        CONSTRAINT "ck_publications_withdrawn_cleared" CHECK ("withdrawn_at" IS NULL OR "markdown" IS NULL),
        CONSTRAINT "fk_publications_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_publications_published_by" FOREIGN KEY ("published_by") REFERENCES "users" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_publications_withdrawn_by" FOREIGN KEY ("withdrawn_by") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_publications_published_at" ON "publications" ("published_at" DESC) WHERE "withdrawn_at" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "publications"`);
  }
}
