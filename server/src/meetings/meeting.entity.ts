import type { MeetingKind, MeetingStatus } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('meetings')
export class Meeting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meetings' })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  kind: MeetingKind;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: MeetingStatus;

  /** The Brussels wall-clock time as entered (`YYYY-MM-DDTHH:mm`): the source of truth. */
  @Column({ name: 'start_local', type: 'varchar', length: 16 })
  startLocal: string;

  @Column({ name: 'end_local', type: 'varchar', length: 16 })
  endLocal: string;

  /** Computed from the wall-clock time, for sorting, ranges and the iCal feed. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, default: '' })
  place: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  link: string | null;

  @Column({ name: 'body_id', type: 'uuid', nullable: true })
  bodyId: string | null;

  @Column({ type: 'text', default: '' })
  minutes: string;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  /** iCal SEQUENCE: one more at each change, so calendars replace their copy. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('meeting_attendees')
export class MeetingAttendee {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid', primaryKeyConstraintName: 'pk_meeting_attendees' })
  meetingId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_meeting_attendees' })
  userId: string;
}

@Entity('meeting_agenda_items')
export class MeetingAgendaItem {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid', primaryKeyConstraintName: 'pk_meeting_agenda_items' })
  meetingId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_meeting_agenda_items' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  roundId: string | null;
}

@Entity('meeting_actions')
export class MeetingAction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meeting_actions' })
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'date', nullable: true })
  due: string | null;

  @Column({ type: 'boolean', default: false })
  done: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('calendar_tokens')
export class CalendarToken {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_calendar_tokens' })
  userId: string;

  @Column({ type: 'varchar', length: 64 })
  token: string;

  /** SHA-256 of the token, hex: what a feed request is looked up by. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
