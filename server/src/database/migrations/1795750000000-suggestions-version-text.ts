import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An objection's amendment suggestion keeps the frozen paragraph's text it was written on, so a
 * drafter can compare it with the draft's paragraph when the draft changed it meanwhile.
 */
export class SuggestionsVersionText1795750000000 implements MigrationInterface {
  name = 'SuggestionsVersionText1795750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" ADD COLUMN "version_text" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" DROP COLUMN "version_text"`);
  }
}
