import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInfos1795707000000 implements MigrationInterface {
  name = 'CreateInfos1795707000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "infos" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" varchar(300) NOT NULL,
        "body" text NOT NULL,
        "source_url" varchar(2000),
        "topics" text[] NOT NULL,
        "to_discuss" boolean NOT NULL DEFAULT false,
        "visibility" varchar(10) NOT NULL DEFAULT 'members',
        "author_id" uuid NOT NULL,
        "federation_slug" varchar(20),
        "search" tsvector GENERATED ALWAYS AS (
          to_tsvector('french'::regconfig, "coupole_fold"("title" || ' ' || "body"))
        ) STORED,
        "published_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_infos" PRIMARY KEY ("id"),
        CONSTRAINT "ck_infos_title" CHECK (length(btrim("title")) > 0),
        CONSTRAINT "ck_infos_visibility" CHECK ("visibility" IN ('members', 'public')),
        CONSTRAINT "ck_infos_published" CHECK (("visibility" = 'public') = ("published_at" IS NOT NULL)),
        CONSTRAINT "ck_infos_topics" CHECK (cardinality("topics") > 0 AND "topics" <@ ARRAY['sociale', 'politique',
          'reglementaire', 'juridique', 'financiere', 'economique', 'pedagogique', 'ethique']::text[]),
        CONSTRAINT "fk_infos_author" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_infos_federation" FOREIGN KEY ("federation_slug") REFERENCES "federations" ("slug") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_infos_search" ON "infos" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "ix_infos_topics" ON "infos" USING gin ("topics")`);
    await queryRunner.query(`CREATE INDEX "ix_infos_created_at" ON "infos" ("created_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "ix_infos_published_at" ON "infos" ("published_at" DESC) WHERE "published_at" IS NOT NULL`);

    // The PDF itself, in PostgreSQL: every instance sees it, it is in the same backup and the
    // same transaction as its info, and 10 MB per info stays small next to the database.
    await queryRunner.query(`
      CREATE TABLE "info_attachments" (
        "info_id" uuid NOT NULL,
        "file_name" varchar(200) NOT NULL,
        "size" integer NOT NULL,
        "content" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_info_attachments" PRIMARY KEY ("info_id"),
        CONSTRAINT "ck_info_attachments_size" CHECK ("size" > 0 AND "size" <= 10485760),
        CONSTRAINT "fk_info_attachments_info" FOREIGN KEY ("info_id") REFERENCES "infos" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "info_attachments"`);
    await queryRunner.query(`DROP TABLE "infos"`);
  }
}
