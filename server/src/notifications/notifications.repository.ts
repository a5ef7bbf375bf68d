import type { FederationSlug } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Notification } from './notification.entity';
import { RoundReminder } from './round-reminder.entity';

export type NewNotification = Pick<Notification, 'userId' | 'kind' | 'title' | 'body' | 'documentId' | 'roundId' | 'link' | 'readAt'>;

/** The only access to `notifications` and `round_reminders`. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Stored in the caller's transaction if given; returns the rows with their ids and dates. */
  insert(rows: readonly NewNotification[], manager: EntityManager = this.dataSource.manager): Promise<Notification[]> {
    if (rows.length === 0) return Promise.resolve([]);
    const repository = manager.getRepository(Notification);
    return repository.save(rows.map((row) => repository.create(row)));
  }

  /** The user's notifications, unread first, newest first. */
  listFor(userId: string, limit: number): Promise<Notification[]> {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId })
      .orderBy('notification.read_at IS NULL', 'DESC')
      .addOrderBy('notification.created_at', 'DESC')
      .take(limit)
      .getMany();
  }

  count(userId: string, unreadOnly = false): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, ...(unreadOnly ? { readAt: IsNull() } : {}) });
  }

  findOwn(userId: string, id: string): Promise<Notification | null> {
    return this.dataSource.getRepository(Notification).findOneBy({ id, userId });
  }

  async markRead(userId: string, id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(Notification).update({ id, userId }, { readAt: at });
  }

  /** The number marked. */
  async markAllRead(userId: string, at: Date): Promise<number> {
    return (await this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: at })).affected ?? 0;
  }

  /** The federations already reminded of the round. */
  async remindedOf(roundId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(RoundReminder).find({ select: { federationSlug: true }, where: { roundId } });
    return rows.map((row) => row.federationSlug);
  }

  /**
   * Records the reminders of these federations, skipping those another instance already
   * recorded (the conditional insert is the guard). Returns the federations recorded now.
   */
  async recordReminders(manager: EntityManager, roundId: string, federations: readonly FederationSlug[]): Promise<FederationSlug[]> {
    const inserted = (await manager.query(
      `INSERT INTO "round_reminders" ("round_id", "federation_slug")
         SELECT $1, unnest(CAST($2 AS varchar[]))
       ON CONFLICT DO NOTHING
       RETURNING "federation_slug"`,
      [roundId, federations],
    )) as { federation_slug: FederationSlug }[];
    return inserted.map((row) => row.federation_slug);
  }
}
