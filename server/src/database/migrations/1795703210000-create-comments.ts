import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComments1795703210000 implements MigrationInterface {
  name = 'CreateComments1795703210000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "comments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "author_id" uuid NOT NULL,
        "body" text NOT NULL,
        "anchor_start" text,
        "anchor_end" text,
        "anchor_quote" text,
        "mentions" jsonb NOT NULL,
        "resolved" boolean NOT NULL DEFAULT false,
        "resolved_by" uuid,
        "resolved_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_comments" PRIMARY KEY ("id"),
        CONSTRAINT "ck_comments_body" CHECK (length(btrim("body")) > 0),
        CONSTRAINT "ck_comments_anchor" CHECK (
          ("anchor_start" IS NULL AND "anchor_end" IS NULL AND "anchor_quote" IS NULL)
          OR ("anchor_start" IS NOT NULL AND "anchor_end" IS NOT NULL AND "anchor_quote" IS NOT NULL)
        ),
        CONSTRAINT "fk_comments_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_comments_author" FOREIGN KEY ("author_id")
          REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_comments_resolved_by" FOREIGN KEY ("resolved_by")
          REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_comments_document_created" ON "comments" ("document_id", "created_at")`);

    await queryRunner.query(`
      CREATE TABLE "comment_replies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "comment_id" uuid NOT NULL,
        "author_id" uuid NOT NULL,
        "body" text NOT NULL,
        "mentions" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_comment_replies" PRIMARY KEY ("id"),
        CONSTRAINT "ck_comment_replies_body" CHECK (length(btrim("body")) > 0),
        CONSTRAINT "fk_comment_replies_comment" FOREIGN KEY ("comment_id")
          REFERENCES "comments" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_comment_replies_author" FOREIGN KEY ("author_id")
          REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_comment_replies_comment_created" ON "comment_replies" ("comment_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "comment_replies"`);
    await queryRunner.query(`DROP TABLE "comments"`);
  }
}
