import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIlis1795706000000 implements MigrationInterface {
  name = 'CreateIlis1795706000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ilis" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "commune" varchar(100) NOT NULL,
        "postal_code" char(4) NOT NULL,
        "province" varchar(20) NOT NULL,
        "affiliation" varchar(20) NOT NULL,
        "federation_slug" varchar(20),
        "email" varchar(320),
        "phone" varchar(40),
        "website" varchar(300),
        "active" boolean NOT NULL DEFAULT true,
        "search" tsvector GENERATED ALWAYS AS (
          to_tsvector('french'::regconfig, "coupole_fold"("name" || ' ' || "commune" || ' ' || "postal_code"))
        ) STORED,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_ilis" PRIMARY KEY ("id"),
        CONSTRAINT "ck_ilis_province" CHECK ("province" IN ('brabant_wallon', 'hainaut', 'liege', 'luxembourg', 'namur')),
        CONSTRAINT "ck_ilis_affiliation" CHECK ("affiliation" IN ('federation', 'copili', 'none')),
        CONSTRAINT "ck_ilis_federation" CHECK (("affiliation" = 'federation') = ("federation_slug" IS NOT NULL)),
        CONSTRAINT "ck_ilis_name" CHECK (length(btrim("name")) > 0),
        CONSTRAINT "fk_ilis_federation" FOREIGN KEY ("federation_slug")
          REFERENCES "federations" ("slug") ON DELETE RESTRICT
      )`);
    // The natural key imports match on: folded name and postal code.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_ilis_name_postal_code" ON "ilis" ("coupole_fold"("name"), "postal_code")`);
    await queryRunner.query(`CREATE INDEX "ix_ilis_search" ON "ilis" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "ix_ilis_federation" ON "ilis" ("federation_slug")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ilis"`);
  }
}
