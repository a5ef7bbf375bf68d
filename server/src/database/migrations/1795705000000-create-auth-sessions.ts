import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions, so that a token can be revoked before it expires (logout, password
 * change, "log out everywhere"), and the document body's own editable flag, checked by the
 * statement that stores each edit, so that no edit is stored once a text is adopted or withdrawn.
 */
export class CreateAuthSessions1795705000000 implements MigrationInterface {
  name = 'CreateAuthSessions1795705000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "auth_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        CONSTRAINT "pk_auth_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_auth_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_auth_sessions_user" ON "auth_sessions" ("user_id")`);

    await queryRunner.query(`ALTER TABLE "document_snapshots" ADD "editable" boolean NOT NULL DEFAULT true`);
    // Texts already adopted or withdrawn: a snapshot row (empty state if none yet) marked sealed.
    await queryRunner.query(`
      INSERT INTO "document_snapshots" ("document_id", "state", "upto_seq", "editable")
      SELECT "id", '\\x0000'::bytea, 0, false FROM "documents" WHERE "status" IN ('adopted', 'withdrawn')
      ON CONFLICT ("document_id") DO UPDATE SET "editable" = false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_snapshots" DROP COLUMN "editable"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
  }
}
