import type { TimelineEventType } from '@coupole/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Document } from '../documents/document.entity';
import { User } from '../users/user.entity';
import type { EventPayload } from './event-payload';

/** One domain action on a document; the document's timeline is read from these. */
@Entity('events')
@Index('ix_events_document_at', ['documentId', 'at', 'seq'])
export class DomainEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_events' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  // Named, not imported: documents sit above the timeline they write to.
  @ManyToOne('Document', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_events_document' })
  document?: Document;

  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  roundId: string | null;

  @Column({ type: 'varchar', length: 40 })
  type: TimelineEventType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_events_actor' })
  actor?: User | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  @Column({ type: 'jsonb' })
  payload: EventPayload;

  /** Recording order, to break ties of `at` (the embedded database's clock counts in ms). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq?: string;
}
