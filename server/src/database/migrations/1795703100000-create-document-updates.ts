import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Yjs body of each document: an append-only log of updates, folded into a snapshot. */
export class CreateDocumentUpdates1795703100000 implements MigrationInterface {
  name = 'CreateDocumentUpdates1795703100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "document_updates" (
        "document_id" uuid NOT NULL,
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "update" bytea NOT NULL,
        "actor_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_document_updates" PRIMARY KEY ("document_id", "seq"),
        CONSTRAINT "fk_document_updates_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "document_snapshots" (
        "document_id" uuid NOT NULL,
        "state" bytea NOT NULL,
        "upto_seq" bigint NOT NULL DEFAULT 0,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_document_snapshots" PRIMARY KEY ("document_id"),
        CONSTRAINT "fk_document_snapshots_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_snapshots"`);
    await queryRunner.query(`DROP TABLE "document_updates"`);
  }
}
