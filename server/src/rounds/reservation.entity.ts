import type { ReservationState } from '@coupole/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { RaisedStance } from './raised-stance.entity';

/**
 * A reservation cast in a round (`reservations` stance): consent that does not block. Kept as a
 * record like an objection so that its amendment's suggestions have an owner, and so that a
 * frozen version can integrate it; the cast statement keeps one open per federation and round.
 */
@Entity('reservations')
export class Reservation extends RaisedStance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reservations' })
  id: string;

  @Column({ type: 'varchar', length: 30, default: 'open' })
  state: ReservationState;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by', foreignKeyConstraintName: 'fk_reservations_raised_by' })
  raisedBy?: User;

  @Column({ name: 'integrated_in_version', type: 'integer', nullable: true })
  integratedInVersion: number | null;
}
