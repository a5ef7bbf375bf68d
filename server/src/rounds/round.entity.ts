import type { CloseCause, ConsensusRule, DeadlineExtensionDto, FederationSlug, ObjectionAnswers, RoundOutcome, RoundStatus } from '@coupole/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Document } from '../documents/document.entity';
import { User } from '../users/user.entity';

/** A consensus round (tour de consensus) held on one frozen version of a document. */
@Entity('rounds')
export class Round {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rounds' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_rounds_document' })
  document?: Document;

  /** 1, 2, 3… per document. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'version_number', type: 'integer' })
  versionNumber: number;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  /** Ids of the version's paragraphs, which positions may point at. */
  @Column({ name: 'paragraph_ids', type: 'jsonb' })
  paragraphIds: string[];

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'varchar', length: 20 })
  rule: ConsensusRule;

  @Column({ name: 'auto_close', type: 'boolean', default: false })
  autoClose: boolean;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'varchar', length: 20, array: true })
  participants: FederationSlug[];

  /** Open objections of earlier rounds shown in this one (some became `integrated` on opening). */
  @Column({ name: 'carried_objection_ids', type: 'uuid', array: true, default: () => "'{}'" })
  carriedObjectionIds: string[];

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: RoundStatus;

  @Column({ type: 'varchar', length: 30, nullable: true })
  outcome: RoundOutcome | null;

  @Column({ name: 'close_cause', type: 'varchar', length: 20, nullable: true })
  closeCause: CloseCause | null;

  @Column({ name: 'outcome_statement', type: 'text', nullable: true })
  outcomeStatement: string | null;

  /** The facilitator's written answers to objections (rough consensus), by federation. */
  @Column({ type: 'jsonb', nullable: true })
  answers: ObjectionAnswers | null;

  /** Each move of the deadline by the secretariat, oldest first; null when it never moved. */
  @Column({ name: 'deadline_extensions', type: 'jsonb', nullable: true })
  deadlineExtensions: DeadlineExtensionDto[] | null;

  @Column({ name: 'decision_seq', type: 'bigint', nullable: true, transformer: { to: (v) => v, from: (v) => (v == null ? null : Number(v)) } })
  decisionSeq: number | null;

  /** Number of the last `round.updated`: one more per committed cast (written only by the cast statement). */
  @Column({ type: 'integer', default: 0, insert: false, update: false })
  seq: number;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by', foreignKeyConstraintName: 'fk_rounds_opened_by' })
  openedBy?: User;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'closed_by', foreignKeyConstraintName: 'fk_rounds_closed_by' })
  closedBy?: User | null;
}
