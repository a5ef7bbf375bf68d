import type { FederationSlug, ObjectionState } from '@coupole/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { StanceGrounds } from './stance-grounds.entity';

/**
 * An objection raised by an `object` position. It lives beyond its round: still open when the
 * round closes, it is carried to the document's next round.
 */
@Entity('objections')
export class Objection {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_objections' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ name: 'raised_in_round_id', type: 'uuid' })
  raisedInRoundId: string;

  @Column({ name: 'raised_in_round_number', type: 'integer' })
  raisedInRoundNumber: number;

  @Column({ name: 'federation_slug', type: 'varchar', length: 20 })
  federation: FederationSlug;

  @Column(() => StanceGrounds, { prefix: false })
  grounds: StanceGrounds;

  @Column({ type: 'varchar', length: 30, default: 'open' })
  state: ObjectionState;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'raised_by', type: 'uuid' })
  raisedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by', foreignKeyConstraintName: 'fk_objections_raised_by' })
  raisedBy?: User;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'resolved_in_round_id', type: 'uuid', nullable: true })
  resolvedInRoundId: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
