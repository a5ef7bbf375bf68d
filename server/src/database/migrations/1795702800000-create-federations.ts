import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFederations1795702800000 implements MigrationInterface {
  name = 'CreateFederations1795702800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "federations" (
        "slug" varchar(20) NOT NULL,
        "name" varchar(200) NOT NULL,
        "website" varchar(300) NOT NULL,
        "colour" varchar(7) NOT NULL,
        "position" smallint NOT NULL,
        CONSTRAINT "pk_federations" PRIMARY KEY ("slug"),
        CONSTRAINT "uq_federations_position" UNIQUE ("position"),
        CONSTRAINT "ck_federations_colour" CHECK ("colour" ~ '^#[0-9A-F]{6}$')
      )`);
    // The five are fixed by the Coupole's founding; colours (Okabe–Ito hues, darkened) reach
    // at least 5:1 contrast on white and stay distinguishable with colour-vision deficiencies.
    await queryRunner.query(`
      INSERT INTO "federations" ("slug", "name", "website", "colour", "position") VALUES
        ('aleap', 'ALEAP', 'https://aleap.be/', '#0072B2', 1),
        ('caips', 'CAIPS', 'https://www.caips.be/', '#B84A00', 2),
        ('codef', 'CODEF', 'https://www.codef.be/', '#00795C', 3),
        ('fdss', 'FdSS – Fédération des Services Sociaux', 'https://www.fdss.be/fr/', '#A23D7A', 4),
        ('risome', 'Risome', 'https://www.risome.be/', '#7A6200', 5)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "federations"`);
  }
}
