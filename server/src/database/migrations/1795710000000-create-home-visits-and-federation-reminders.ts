import { MigrationInterface, QueryRunner } from 'typeorm';

const DEADLINE_KIND = 'round.deadline_extended';

/**
 * Rewrites the notification kinds' CHECK from the one in place (other modules' migrations add
 * their own kinds too), so this one adds or removes only its kind.
 */
async function setNotificationKinds(queryRunner: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const [row] = (await queryRunner.query(
    `SELECT pg_get_constraintdef("oid") AS "definition" FROM "pg_constraint" WHERE "conname" = 'ck_notifications_kind'`,
  )) as { definition: string }[];
  const current = [...(row?.definition ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1]);
  const kinds = change(current);
  await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT IF EXISTS "ck_notifications_kind"`);
  await queryRunner.query(
    `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${kinds.map((kind) => `'${kind}'`).join(', ')}))`,
  );
}

export class CreateHomeVisitsAndFederationReminders1795710000000 implements MigrationInterface {
  name = 'CreateHomeVisitsAndFederationReminders1795710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // "Since my last visit" on the home page: the last load and where the previous visit ended.
    await queryRunner.query(`
      CREATE TABLE "home_visits" (
        "user_id" uuid NOT NULL,
        "last_seen_at" timestamptz NOT NULL,
        "previous_visit_ended_at" timestamptz,
        CONSTRAINT "pk_home_visits" PRIMARY KEY ("user_id"),
        CONSTRAINT "fk_home_visits_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    // The secretariat's "Relancer": one row per (round, federation), moved forward by a
    // conditional upsert, so one reminder goes out per 12 h whatever the number of clicks.
    await queryRunner.query(`
      CREATE TABLE "federation_reminders" (
        "round_id" uuid NOT NULL,
        "federation_slug" varchar(20) NOT NULL,
        "sent_at" timestamptz NOT NULL,
        "sent_by" uuid NOT NULL,
        "count" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_federation_reminders" PRIMARY KEY ("round_id", "federation_slug"),
        CONSTRAINT "fk_federation_reminders_round" FOREIGN KEY ("round_id") REFERENCES "rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_federation_reminders_federation" FOREIGN KEY ("federation_slug") REFERENCES "federations" ("slug") ON DELETE CASCADE,
        CONSTRAINT "fk_federation_reminders_sent_by" FOREIGN KEY ("sent_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`ALTER TABLE "rounds" ADD "deadline_extensions" jsonb`);
    await setNotificationKinds(queryRunner, (kinds) => [...kinds.filter((kind) => kind !== DEADLINE_KIND), DEADLINE_KIND]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = $1`, [DEADLINE_KIND]);
    await setNotificationKinds(queryRunner, (kinds) => kinds.filter((kind) => kind !== DEADLINE_KIND));
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "deadline_extensions"`);
    await queryRunner.query(`DROP TABLE "federation_reminders"`);
    await queryRunner.query(`DROP TABLE "home_visits"`);
  }
}
