import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1795702900000 implements MigrationInterface {
  name = 'CreateUsers1795702900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(320) NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "role" varchar(20) NOT NULL,
        "federation_slug" varchar(20),
        "mandate" varchar(20),
        "active" boolean NOT NULL DEFAULT true,
        "must_change_password" boolean NOT NULL DEFAULT false,
        "password_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_users" PRIMARY KEY ("id"),
        CONSTRAINT "ck_users_email_lower" CHECK ("email" = lower("email")),
        CONSTRAINT "ck_users_role" CHECK ("role" IN ('admin', 'facilitator', 'representative', 'observer')),
        CONSTRAINT "ck_users_mandate" CHECK ("mandate" IN ('titular', 'substitute')),
        CONSTRAINT "ck_users_representative" CHECK (
          ("role" = 'representative' AND "federation_slug" IS NOT NULL AND "mandate" IS NOT NULL)
          OR ("role" <> 'representative' AND "federation_slug" IS NULL AND "mandate" IS NULL)
        ),
        CONSTRAINT "fk_users_federation" FOREIGN KEY ("federation_slug")
          REFERENCES "federations" ("slug") ON DELETE RESTRICT
      )`);
    // Emails are stored lower-cased (checked above), so this index makes them unique
    // regardless of case.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")`);
    await queryRunner.query(`CREATE INDEX "ix_users_federation" ON "users" ("federation_slug")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
