import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more kinds of suggestion: `paragraph` (a quote or replacement crossing a paragraph break)
 * and `format` (a mark or block type over the quote, described in the new `format` column).
 */
export class SuggestionsParagraphFormat1795830000000 implements MigrationInterface {
  name = 'SuggestionsParagraphFormat1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" ADD COLUMN "format" jsonb`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "ck_suggestions_kind"`);
    await queryRunner.query(`ALTER TABLE "suggestions" ADD CONSTRAINT "ck_suggestions_kind" CHECK ("kind" IN ('insert', 'delete', 'replace', 'paragraph', 'format'))`);
    await queryRunner.query(`ALTER TABLE "suggestions" ADD CONSTRAINT "ck_suggestions_format" CHECK (("kind" = 'format') = ("format" IS NOT NULL))`);
    // A format suggestion keeps its words: its replacement is its quote.
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "ck_suggestions_change"`);
    await queryRunner.query(`ALTER TABLE "suggestions" ADD CONSTRAINT "ck_suggestions_change" CHECK (("kind" = 'format') = ("quote" = "replacement"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "suggestions" WHERE "kind" IN ('paragraph', 'format')`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "ck_suggestions_change"`);
    await queryRunner.query(`ALTER TABLE "suggestions" ADD CONSTRAINT "ck_suggestions_change" CHECK ("quote" <> "replacement")`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "ck_suggestions_format"`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "ck_suggestions_kind"`);
    await queryRunner.query(`ALTER TABLE "suggestions" ADD CONSTRAINT "ck_suggestions_kind" CHECK ("kind" IN ('insert', 'delete', 'replace'))`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP COLUMN "format"`);
  }
}
