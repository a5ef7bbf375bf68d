import { MigrationInterface, QueryRunner } from 'typeorm';

/** When each account last signed in, for the accounts page (sessions are purged after a day). */
export class UsersLastSignIn1795720000000 implements MigrationInterface {
  name = 'UsersLastSignIn1795720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "last_sign_in_at"`);
  }
}
