import { MigrationInterface, QueryRunner } from 'typeorm';

/** A position may cite consultations of the ILI (ids; the consultations module checks them). */
export class PositionEvidence1795713100000 implements MigrationInterface {
  name = 'PositionEvidence1795713100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "positions" ADD "evidence" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "positions" DROP COLUMN "evidence"`);
  }
}
