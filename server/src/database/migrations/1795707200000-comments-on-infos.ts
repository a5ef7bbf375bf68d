import { MigrationInterface, QueryRunner } from 'typeorm';

/** A comment thread's parent is a document or an info of the watch, never both. */
export class CommentsOnInfos1795707200000 implements MigrationInterface {
  name = 'CommentsOnInfos1795707200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comments" ALTER COLUMN "document_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "comments" ADD COLUMN "info_id" uuid`);
    await queryRunner.query(`
      ALTER TABLE "comments"
        ADD CONSTRAINT "fk_comments_info" FOREIGN KEY ("info_id") REFERENCES "infos" ("id") ON DELETE CASCADE,
        ADD CONSTRAINT "ck_comments_parent" CHECK (num_nonnulls("document_id", "info_id") = 1)`);
    await queryRunner.query(`CREATE INDEX "ix_comments_info_created" ON "comments" ("info_id", "created_at") WHERE "info_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "comments" WHERE "info_id" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "ix_comments_info_created"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "ck_comments_parent", DROP CONSTRAINT "fk_comments_info"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP COLUMN "info_id"`);
    await queryRunner.query(`ALTER TABLE "comments" ALTER COLUMN "document_id" SET NOT NULL`);
  }
}
