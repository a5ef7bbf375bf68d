import type { ObjectionState } from '@coupole/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { RaisedStance } from './raised-stance.entity';

/**
 * An objection raised by an `object` position. It lives beyond its round: still open when the
 * round closes, it is carried to the document's next round.
 */
@Entity('objections')
export class Objection extends RaisedStance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_objections' })
  id: string;

  @Column({ type: 'varchar', length: 30, default: 'open' })
  state: ObjectionState;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by', foreignKeyConstraintName: 'fk_objections_raised_by' })
  raisedBy?: User;

  @Column({ name: 'resolved_in_round_id', type: 'uuid', nullable: true })
  resolvedInRoundId: string | null;
}
