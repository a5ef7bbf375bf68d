import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { CalendarToken, Meeting, MeetingAction, MeetingAgendaItem, MeetingAttendee } from './meeting.entity';

export interface MeetingRange {
  from?: Date;
  to?: Date;
  /** Observers see only the meetings they attend. */
  attendeeId?: string;
}

export interface MeetingParts {
  attendeeIds: Map<string, string[]>;
  agenda: Map<string, MeetingAgendaItem[]>;
}

/**
 * The only access to the meetings tables: `meetings`, `meeting_attendees`,
 * `meeting_agenda_items`, `meeting_actions`, `meeting_action_reminders`, `calendar_tokens`.
 */
@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Meeting | null> {
    return manager.getRepository(Meeting).findOneBy({ id });
  }

  async list(range: MeetingRange): Promise<Meeting[]> {
    const builder = this.dataSource.getRepository(Meeting).createQueryBuilder('meeting');
    if (range.from) builder.andWhere('meeting.ends_at > :from', { from: range.from });
    if (range.to) builder.andWhere('meeting.starts_at < :to', { to: range.to });
    if (range.attendeeId) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM "meeting_attendees" "a" WHERE "a"."meeting_id" = "meeting"."id" AND "a"."user_id" = :attendeeId)`,
        { attendeeId: range.attendeeId },
      );
    }
    return builder.orderBy('meeting.starts_at', 'ASC').addOrderBy('meeting.id', 'ASC').getMany();
  }

  /** Meetings whose agenda links the document (directly). */
  async listLinkingDocument(documentId: string, attendeeId?: string): Promise<Meeting[]> {
    const builder = this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where(`EXISTS (SELECT 1 FROM "meeting_agenda_items" "i" WHERE "i"."meeting_id" = "meeting"."id" AND "i"."document_id" = :documentId)`, {
        documentId,
      });
    if (attendeeId) {
      builder.andWhere(`EXISTS (SELECT 1 FROM "meeting_attendees" "a" WHERE "a"."meeting_id" = "meeting"."id" AND "a"."user_id" = :attendeeId)`, {
        attendeeId,
      });
    }
    return builder.orderBy('meeting.starts_at', 'DESC').getMany();
  }

  /** The meetings a user attends or created: their calendar. */
  async listForCalendar(userId: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where(
        new Brackets((where) =>
          where
            .where('meeting.created_by = :userId', { userId })
            .orWhere(`EXISTS (SELECT 1 FROM "meeting_attendees" "a" WHERE "a"."meeting_id" = "meeting"."id" AND "a"."user_id" = :userId)`, { userId }),
        ),
      )
      .orderBy('meeting.starts_at', 'ASC')
      .getMany();
  }

  async partsOf(meetingIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<MeetingParts> {
    const attendeeIds = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
    const agenda = new Map<string, MeetingAgendaItem[]>(meetingIds.map((id) => [id, []]));
    if (meetingIds.length === 0) return { attendeeIds, agenda };
    const ids = In([...meetingIds]);
    for (const row of await manager.getRepository(MeetingAttendee).findBy({ meetingId: ids })) attendeeIds.get(row.meetingId)!.push(row.userId);
    for (const row of await manager.getRepository(MeetingAgendaItem).find({ where: { meetingId: ids }, order: { position: 'ASC' } })) {
      agenda.get(row.meetingId)!.push(row);
    }
    return { attendeeIds, agenda };
  }

  /** Whether a meeting has this title, in the caller's transaction (the demo seed records by title). */
  existsWithTitle(manager: EntityManager, title: string): Promise<boolean> {
    return manager.getRepository(Meeting).existsBy({ title });
  }

  async save(manager: EntityManager, meeting: Partial<Meeting>): Promise<Meeting> {
    const repository = manager.getRepository(Meeting);
    return repository.save(repository.create(meeting));
  }

  async replaceAttendees(manager: EntityManager, meetingId: string, userIds: readonly string[]): Promise<void> {
    await manager.getRepository(MeetingAttendee).delete({ meetingId });
    if (userIds.length > 0) await manager.getRepository(MeetingAttendee).insert(userIds.map((userId) => ({ meetingId, userId })));
  }

  async replaceAgenda(manager: EntityManager, meetingId: string, items: readonly Omit<MeetingAgendaItem, 'meetingId' | 'position'>[]): Promise<void> {
    await manager.getRepository(MeetingAgendaItem).delete({ meetingId });
    if (items.length > 0) {
      await manager.getRepository(MeetingAgendaItem).insert(items.map((item, position) => ({ ...item, meetingId, position })));
    }
  }

  /** Sets `reported_at` if it was not set yet; true for the one call that set it. */
  async markReported(meetingId: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder()
      .update()
      .set({ reportedAt: at })
      .where('id = :meetingId AND reported_at IS NULL', { meetingId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  actionsOf(meetingIds: readonly string[]): Promise<MeetingAction[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MeetingAction).find({ where: { meetingId: In([...meetingIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findAction(id: string): Promise<MeetingAction | null> {
    return this.dataSource.getRepository(MeetingAction).findOneBy({ id });
  }

  openActionsOf(assigneeId: string): Promise<MeetingAction[]> {
    return this.dataSource
      .getRepository(MeetingAction)
      .createQueryBuilder('action')
      .where('action.assignee_id = :assigneeId AND NOT action.done', { assigneeId })
      .orderBy('action.due', 'ASC', 'NULLS LAST')
      .addOrderBy('action.created_at', 'ASC')
      .getMany();
  }

  /** In the caller's transaction if given. */
  saveAction(action: Partial<MeetingAction>, manager: EntityManager = this.dataSource.manager): Promise<MeetingAction> {
    const repository = manager.getRepository(MeetingAction);
    return repository.save(repository.create(action));
  }

  findByIds(ids: readonly string[]): Promise<Meeting[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Meeting).findBy({ id: In([...ids]) });
  }

  /**
   * Claims the reminder of every open, assigned action due on `due`; returns the ids this call
   * claimed. The conditional insert makes it once across instances and restarts.
   */
  async claimActionReminders(due: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `INSERT INTO "meeting_action_reminders" ("action_id", "due")
         SELECT "id", "due" FROM "meeting_actions"
          WHERE NOT "done" AND "assignee_id" IS NOT NULL AND "due" = $1
       ON CONFLICT DO NOTHING
       RETURNING "action_id"`,
      [due],
    )) as { action_id: string }[];
    return rows.map((row) => row.action_id);
  }

  findActionsByIds(ids: readonly string[]): Promise<MeetingAction[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MeetingAction).findBy({ id: In([...ids]) });
  }

  calendarTokenOf(userId: string): Promise<CalendarToken | null> {
    return this.dataSource.getRepository(CalendarToken).findOneBy({ userId });
  }

  calendarTokenByHash(tokenHash: string): Promise<CalendarToken | null> {
    return this.dataSource.getRepository(CalendarToken).findOneBy({ tokenHash });
  }

  async replaceCalendarToken(userId: string, token: string, tokenHash: string): Promise<CalendarToken> {
    await this.dataSource.query(
      `INSERT INTO "calendar_tokens" ("user_id", "token", "token_hash", "created_at") VALUES ($1, $2, $3, now())
       ON CONFLICT ("user_id") DO UPDATE SET "token" = EXCLUDED."token", "token_hash" = EXCLUDED."token_hash", "created_at" = EXCLUDED."created_at"`,
      [userId, token, tokenHash],
    );
    return (await this.calendarTokenOf(userId))!;
  }

  async deleteCalendarToken(userId: string): Promise<void> {
    await this.dataSource.getRepository(CalendarToken).delete({ userId });
  }
}
