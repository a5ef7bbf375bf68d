import type { DispatchStatus } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('dispatches')
export class Dispatch {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dispatches' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'varchar', length: 300 })
  recipient: string;

  @Column({ type: 'varchar', length: 20, default: 'to_send' })
  status: DispatchStatus;

  @Column({ name: 'sent_at', type: 'date', nullable: true })
  sentAt: string | null;

  @Column({ name: 'answered_at', type: 'date', nullable: true })
  answeredAt: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'overdue_after_days', type: 'integer', default: 30 })
  overdueAfterDays: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
