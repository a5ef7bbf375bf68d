import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLoginAttempts1795705500000 implements MigrationInterface {
  name = 'CreateLoginAttempts1795705500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Failed logins per submitted account (known or not), shared by every instance.
    await queryRunner.query(`
      CREATE TABLE "login_attempts" (
        "account" varchar(320) NOT NULL,
        "failures" integer NOT NULL,
        "next_attempt_at" timestamptz NOT NULL,
        "last_attempt_at" timestamptz NOT NULL,
        CONSTRAINT "pk_login_attempts" PRIMARY KEY ("account"),
        CONSTRAINT "ck_login_attempts_failures" CHECK ("failures" >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_login_attempts_last" ON "login_attempts" ("last_attempt_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
