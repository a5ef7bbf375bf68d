import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Archiving is a flag beside the status, not a fifth status: an archived adopted text stays
 * adopted (its decision, publication and follow-up keep reading `status`), and unarchiving
 * gives back exactly the state it had.
 */
export class DocumentArchiving1795740000000 implements MigrationInterface {
  name = 'DocumentArchiving1795740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD COLUMN "archived_at" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "documents" ADD COLUMN "archived_by_id" uuid CONSTRAINT "fk_documents_archived_by" REFERENCES "users" ("id") ON DELETE SET NULL`,
    );
    // The default list leaves archived documents out.
    await queryRunner.query(`CREATE INDEX "ix_documents_archived_at" ON "documents" ("archived_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_documents_archived_at"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "archived_by_id"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "archived_at"`);
  }
}
