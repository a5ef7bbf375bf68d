import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInfoDigests1795707100000 implements MigrationInterface {
  name = 'CreateInfoDigests1795707100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "info_digest_preferences" (
        "user_id" uuid NOT NULL,
        "frequency" varchar(10) NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_info_digest_preferences" PRIMARY KEY ("user_id"),
        CONSTRAINT "ck_info_digest_preferences_frequency" CHECK ("frequency" IN ('none', 'daily', 'weekly')),
        CONSTRAINT "fk_info_digest_preferences_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    // One row per (user, slot): the instance whose insert wins is the only one that sends it,
    // so a digest goes out once even with several instances, or after a restart.
    await queryRunner.query(`
      CREATE TABLE "info_digest_deliveries" (
        "user_id" uuid NOT NULL,
        "slot" varchar(30) NOT NULL,
        "items" integer NOT NULL DEFAULT 0,
        "sent_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_info_digest_deliveries" PRIMARY KEY ("user_id", "slot"),
        CONSTRAINT "fk_info_digest_deliveries_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "info_digest_deliveries"`);
    await queryRunner.query(`DROP TABLE "info_digest_preferences"`);
  }
}
