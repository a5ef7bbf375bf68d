import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsultations1795713000000 implements MigrationInterface {
  name = 'CreateConsultations1795713000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consultations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" varchar(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "federation_slug" varchar(20),
        "questions" jsonb NOT NULL,
        "scope" jsonb NOT NULL,
        "closes_at" timestamptz NOT NULL,
        "anonymous" boolean NOT NULL DEFAULT false,
        "series" varchar(60),
        "status" varchar(10) NOT NULL DEFAULT 'draft',
        "shared" boolean NOT NULL DEFAULT false,
        "invited" integer NOT NULL DEFAULT 0,
        "launched_at" timestamptz,
        "closed_at" timestamptz,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_consultations" PRIMARY KEY ("id"),
        CONSTRAINT "ck_consultations_status" CHECK ("status" IN ('draft', 'open', 'closed')),
        CONSTRAINT "ck_consultations_title" CHECK (length(btrim("title")) > 0),
        CONSTRAINT "fk_consultations_federation" FOREIGN KEY ("federation_slug") REFERENCES "federations" ("slug") ON DELETE RESTRICT,
        CONSTRAINT "fk_consultations_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_consultations_series" ON "consultations" ("series") WHERE "series" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_consultations_open_closes_at" ON "consultations" ("closes_at") WHERE "status" = 'open'`);
    // One invitation per ILI and consultation. The link's token is never stored: only its
    // SHA-256 (looked up) and the nonce it was derived from (so a reminder can repeat the link).
    await queryRunner.query(`
      CREATE TABLE "consultation_invitations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consultation_id" uuid NOT NULL,
        "ili_id" uuid NOT NULL,
        "token_hash" char(64) NOT NULL,
        "token_nonce" char(32) NOT NULL,
        "revoked_at" timestamptz,
        "draft" jsonb,
        "draft_saved_at" timestamptz,
        "answers" jsonb,
        "submitted_at" timestamptz,
        "reminded_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_consultation_invitations" PRIMARY KEY ("id"),
        CONSTRAINT "uq_consultation_invitations_ili" UNIQUE ("consultation_id", "ili_id"),
        CONSTRAINT "uq_consultation_invitations_token" UNIQUE ("token_hash"),
        CONSTRAINT "ck_consultation_invitations_answers" CHECK (("answers" IS NULL) = ("submitted_at" IS NULL)),
        CONSTRAINT "fk_consultation_invitations_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_consultation_invitations_ili" FOREIGN KEY ("ili_id") REFERENCES "ilis" ("id") ON DELETE RESTRICT
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consultation_invitations"`);
    await queryRunner.query(`DROP TABLE "consultations"`);
  }
}
