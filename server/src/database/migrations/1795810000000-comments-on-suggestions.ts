import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A comment may belong to a suggestion's thread (the side card's replies). It stays a comment on
 * the suggestion's document (access, mentions, timeline and live events follow the document) and
 * goes with the suggestion if that is ever deleted.
 */
export class CommentsOnSuggestions1795810000000 implements MigrationInterface {
  name = 'CommentsOnSuggestions1795810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comments" ADD COLUMN "suggestion_id" uuid`);
    await queryRunner.query(`
      ALTER TABLE "comments"
        ADD CONSTRAINT "fk_comments_suggestion" FOREIGN KEY ("suggestion_id") REFERENCES "suggestions" ("id") ON DELETE CASCADE,
        ADD CONSTRAINT "ck_comments_suggestion_on_document" CHECK ("suggestion_id" IS NULL OR "document_id" IS NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_comments_suggestion_created" ON "comments" ("suggestion_id", "created_at") WHERE "suggestion_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "comments" WHERE "suggestion_id" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "ix_comments_suggestion_created"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "ck_comments_suggestion_on_document", DROP CONSTRAINT "fk_comments_suggestion"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP COLUMN "suggestion_id"`);
  }
}
