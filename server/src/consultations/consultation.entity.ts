import type { ConsultationScope, ConsultationStatus, FederationSlug, QuestionDto } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A questionnaire sent to a scope of ILI (*enquête*); `series` groups a barometer's editions. */
@Entity('consultations')
export class Consultation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consultations' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The federation that asks; null for the whole Coupole (the secretariat). */
  @Column({ name: 'federation_slug', type: 'varchar', length: 20, nullable: true })
  federationSlug: FederationSlug | null;

  @Column({ type: 'jsonb' })
  questions: QuestionDto[];

  @Column({ type: 'jsonb' })
  scope: ConsultationScope;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'varchar', length: 60, nullable: true })
  series: string | null;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: ConsultationStatus;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  /** ILI invited at launch. */
  @Column({ type: 'integer', default: 0 })
  invited: number;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_consultations_created_by' })
  createdBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
