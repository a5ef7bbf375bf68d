import { MigrationInterface, QueryRunner } from 'typeorm';

const NOTIFICATION_KINDS_BEFORE = ['round.opened', 'round.closed', 'round.reminder', 'comment.mention'];
const REPRESENTATION_NOTIFICATION_KINDS = ['meeting.reported', 'meeting.action_due', 'mandate.ending'];

/** The bodies every install starts with; the secretariat edits the list afterwards. */
const BODIES: [string, string, string | null][] = [
  ['Observatoire de l’Intégration', 'Observatoire wallon de l’intégration des personnes étrangères (AViQ / SPW IAS).', null],
  ['CESE Wallonie', 'Conseil économique, social et environnemental de Wallonie — commission Action sociale.', 'https://www.cesewallonie.be'],
  ['Cabinet du Ministre de l’Action sociale', 'Cabinet du ou de la Ministre wallon·ne en charge de l’Action sociale et de l’intégration.', null],
  ['Commission de l’Action sociale du Parlement de Wallonie', 'Commission parlementaire compétente pour le Parcours d’intégration.', 'https://www.parlement-wallonie.be'],
  ['Commission des Affaires générales du Parlement de Wallonie', 'Commission parlementaire (questions transversales, égalité des chances).', 'https://www.parlement-wallonie.be'],
  ['Fédération des CRI', 'Fédération des Centres régionaux d’intégration.', null],
  ['Coordination MENA', 'Coordination des acteurs de l’accueil des mineurs étrangers non accompagnés.', null],
  ['Fédération des CPAS', 'Fédération des CPAS wallons (Union des Villes et Communes de Wallonie).', 'https://www.uvcw.be'],
  ['Plateforme sectorielle ILI', 'Réunions sectorielles des initiatives locales d’intégration.', null],
];

export class CreateRepresentation1795708000000 implements MigrationInterface {
  name = 'CreateRepresentation1795708000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "bodies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "website" varchar(500),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_bodies" PRIMARY KEY ("id"),
        CONSTRAINT "uq_bodies_name" UNIQUE ("name")
      )`);
    for (const [name, description, website] of BODIES) {
      await queryRunner.query(`INSERT INTO "bodies" ("name", "description", "website") VALUES ($1, $2, $3)`, [name, description, website]);
    }

    await queryRunner.query(`
      CREATE TABLE "mandates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "body_id" uuid NOT NULL,
        "holder_id" uuid NOT NULL,
        "federation_slug" varchar(20) NOT NULL,
        "seat" varchar(20) NOT NULL,
        "start_date" date NOT NULL,
        "end_date" date,
        "note" text NOT NULL DEFAULT '',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mandates" PRIMARY KEY ("id"),
        CONSTRAINT "ck_mandates_seat" CHECK ("seat" IN ('titular', 'substitute')),
        CONSTRAINT "ck_mandates_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"),
        CONSTRAINT "fk_mandates_body" FOREIGN KEY ("body_id") REFERENCES "bodies" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_mandates_holder" FOREIGN KEY ("holder_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_mandates_federation" FOREIGN KEY ("federation_slug") REFERENCES "federations" ("slug") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_mandates_end_date" ON "mandates" ("end_date")`);
    // A row per mandate whose secretariat was told it ends soon: the insert that wins mails.
    await queryRunner.query(`
      CREATE TABLE "mandate_reminders" (
        "mandate_id" uuid NOT NULL,
        "end_date" date NOT NULL,
        "reminded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_mandate_reminders" PRIMARY KEY ("mandate_id", "end_date"),
        CONSTRAINT "fk_mandate_reminders_mandate" FOREIGN KEY ("mandate_id") REFERENCES "mandates" ("id") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "meetings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" varchar(300) NOT NULL,
        "kind" varchar(20) NOT NULL,
        "status" varchar(20) NOT NULL DEFAULT 'scheduled',
        "start_local" varchar(16) NOT NULL,
        "end_local" varchar(16) NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "place" varchar(300) NOT NULL DEFAULT '',
        "link" varchar(1000),
        "body_id" uuid,
        "minutes" text NOT NULL DEFAULT '',
        "reported_at" timestamptz,
        "sequence" integer NOT NULL DEFAULT 0,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meetings" PRIMARY KEY ("id"),
        CONSTRAINT "ck_meetings_kind" CHECK ("kind" IN ('coupole', 'mandate', 'minister', 'parliament', 'sector', 'seminar')),
        CONSTRAINT "ck_meetings_status" CHECK ("status" IN ('scheduled', 'cancelled')),
        CONSTRAINT "ck_meetings_times" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "fk_meetings_body" FOREIGN KEY ("body_id") REFERENCES "bodies" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_meetings_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_meetings_starts_at" ON "meetings" ("starts_at")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_attendees" (
        "meeting_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "pk_meeting_attendees" PRIMARY KEY ("meeting_id", "user_id"),
        CONSTRAINT "fk_meeting_attendees_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_attendees_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_attendees_user" ON "meeting_attendees" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_agenda_items" (
        "meeting_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "title" varchar(300) NOT NULL,
        "document_id" uuid,
        "round_id" uuid,
        CONSTRAINT "pk_meeting_agenda_items" PRIMARY KEY ("meeting_id", "position"),
        CONSTRAINT "fk_meeting_agenda_items_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_agenda_items_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_meeting_agenda_items_round" FOREIGN KEY ("round_id") REFERENCES "rounds" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_agenda_items_document" ON "meeting_agenda_items" ("document_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_actions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "title" varchar(500) NOT NULL,
        "assignee_id" uuid,
        "due" date,
        "done" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_meeting_actions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_meeting_actions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_meeting_actions_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_actions_assignee" ON "meeting_actions" ("assignee_id") WHERE NOT "done"`);
    await queryRunner.query(`
      CREATE TABLE "meeting_action_reminders" (
        "action_id" uuid NOT NULL,
        "due" date NOT NULL,
        "reminded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_meeting_action_reminders" PRIMARY KEY ("action_id", "due"),
        CONSTRAINT "fk_meeting_action_reminders_action" FOREIGN KEY ("action_id") REFERENCES "meeting_actions" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "calendar_tokens" (
        "user_id" uuid NOT NULL,
        "token" varchar(64) NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_calendar_tokens" PRIMARY KEY ("user_id"),
        CONSTRAINT "uq_calendar_tokens_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_calendar_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "dispatches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "recipient" varchar(300) NOT NULL,
        "status" varchar(20) NOT NULL DEFAULT 'to_send',
        "sent_at" date,
        "answered_at" date,
        "answer" text,
        "overdue_after_days" integer NOT NULL DEFAULT 30,
        "created_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_dispatches" PRIMARY KEY ("id"),
        CONSTRAINT "ck_dispatches_status" CHECK ("status" IN ('to_send', 'sent', 'answered', 'no_answer')),
        CONSTRAINT "ck_dispatches_overdue_after_days" CHECK ("overdue_after_days" BETWEEN 1 AND 365),
        CONSTRAINT "fk_dispatches_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_dispatches_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_dispatches_document" ON "dispatches" ("document_id")`);

    // Notifications may now lead elsewhere than a document (a meeting, the mandates register).
    await queryRunner.query(`ALTER TABLE "notifications" ADD COLUMN "link" varchar(500)`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${[...NOTIFICATION_KINDS_BEFORE, ...REPRESENTATION_NOTIFICATION_KINDS]
        .map((kind) => `'${kind}'`)
        .join(', ')}))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" IN (${REPRESENTATION_NOTIFICATION_KINDS.map((kind) => `'${kind}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${NOTIFICATION_KINDS_BEFORE.map((kind) => `'${kind}'`).join(', ')}))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "link"`);
    await queryRunner.query(`DROP TABLE "dispatches"`);
    await queryRunner.query(`DROP TABLE "calendar_tokens"`);
    await queryRunner.query(`DROP TABLE "meeting_action_reminders"`);
    await queryRunner.query(`DROP TABLE "meeting_actions"`);
    await queryRunner.query(`DROP TABLE "meeting_agenda_items"`);
    await queryRunner.query(`DROP TABLE "meeting_attendees"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "mandate_reminders"`);
    await queryRunner.query(`DROP TABLE "mandates"`);
    await queryRunner.query(`DROP TABLE "bodies"`);
  }
}
