import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationsAndOutbox1795703410000 implements MigrationInterface {
  name = 'CreateNotificationsAndOutbox1795703410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" varchar(40) NOT NULL,
        "title" varchar(400) NOT NULL,
        "body" text NOT NULL,
        "document_id" uuid,
        "round_id" uuid,
        "read_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('round.opened', 'round.closed', 'round.reminder', 'comment.mention')),
        CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_notifications_document" FOREIGN KEY ("document_id")
          REFERENCES "documents" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_user_unread" ON "notifications" ("user_id", ("read_at" IS NULL) DESC, "created_at" DESC)`,
    );

    // One row per (round, federation) reminded: the insert that wins is the only one that sends,
    // so a reminder goes out once even with several instances or after a restart.
    await queryRunner.query(`
      CREATE TABLE "round_reminders" (
        "round_id" uuid NOT NULL,
        "federation_slug" varchar(20) NOT NULL,
        "reminded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_round_reminders" PRIMARY KEY ("round_id", "federation_slug"),
        CONSTRAINT "fk_round_reminders_federation" FOREIGN KEY ("federation_slug")
          REFERENCES "federations" ("slug") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "to_address" varchar(320) NOT NULL,
        "subject" varchar(400) NOT NULL,
        "text" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_created_at" ON "outbox" ("created_at" DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "round_reminders"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
