import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answer to a dispatched text as a PDF (a minister's letter, scanned), beside its dispatch.
 * In PostgreSQL like the watch's attachments: one backup holds everything, and answers are few
 * and small (10 MB at most); a table of its own keeps the bytes out of every list query.
 */
export class CreateDispatchAnswerFiles1795715000000 implements MigrationInterface {
  name = 'CreateDispatchAnswerFiles1795715000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dispatch_answer_files" (
        "dispatch_id" uuid NOT NULL,
        "file_name" varchar(200) NOT NULL,
        "size" integer NOT NULL,
        "content" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_dispatch_answer_files" PRIMARY KEY ("dispatch_id"),
        CONSTRAINT "fk_dispatch_answer_files_dispatch" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_dispatch_answer_files_size" CHECK ("size" > 0 AND "size" <= 10485760)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dispatch_answer_files"`);
  }
}
