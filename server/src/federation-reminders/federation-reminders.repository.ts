import { FEDERATION_REMINDER_INTERVAL_MS, type FederationSlug } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { FederationReminder } from './federation-reminder.entity';

/** All SQL of `federation_reminders`. */
@Injectable()
export class FederationRemindersRepository {
  constructor(@InjectRepository(FederationReminder) private readonly reminders: Repository<FederationReminder>) {}

  /**
   * Claims the right to remind: inserts the row, or moves it forward when the last reminder is
   * at least 12 h old, in one statement. Two concurrent calls cannot both win (the row is the
   * lock), so the reminder goes out once. Null when it is too early.
   */
  async claim(manager: EntityManager, roundId: string, federation: FederationSlug, userId: string, at: Date): Promise<Date | null> {
    const rows = (await manager.query(
      `INSERT INTO "federation_reminders" AS reminder ("round_id", "federation_slug", "sent_at", "sent_by")
         VALUES ($1, $2, $3, $4)
       ON CONFLICT ("round_id", "federation_slug") DO UPDATE
         SET "sent_at" = EXCLUDED."sent_at", "sent_by" = EXCLUDED."sent_by", "count" = reminder."count" + 1
         WHERE reminder."sent_at" <= EXCLUDED."sent_at" - make_interval(secs => $5)
       RETURNING "sent_at"`,
      [roundId, federation, at, userId, FEDERATION_REMINDER_INTERVAL_MS / 1000],
    )) as { sent_at: Date }[];
    return rows[0] ? new Date(rows[0].sent_at) : null;
  }

  lastSent(roundId: string, federation: FederationSlug): Promise<FederationReminder | null> {
    return this.reminders.findOneBy({ roundId, federationSlug: federation });
  }

  forRounds(roundIds: readonly string[]): Promise<FederationReminder[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.reminders.findBy({ roundId: In([...roundIds]) });
  }
}
