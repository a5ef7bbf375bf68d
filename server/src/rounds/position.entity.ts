import type { FederationSlug, Stance } from '@coupole/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { StanceGrounds } from './stance-grounds.entity';
import { Round } from './round.entity';

/** A federation's current position in a round: one voice per federation. */
@Entity('positions')
export class Position {
  @PrimaryColumn({ name: 'round_id', type: 'uuid', primaryKeyConstraintName: 'pk_positions' })
  roundId: string;

  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_positions_round' })
  round?: Round;

  @PrimaryColumn({ name: 'federation_slug', type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_positions' })
  federation: FederationSlug;

  @Column({ type: 'varchar', length: 20 })
  stance: Stance;

  @Column(() => StanceGrounds, { prefix: false })
  grounds: StanceGrounds;

  /** Ids of the consultations this position cites (checked when cast). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: string[];

  /** 1 for the first cast, then +1 per change (matches position_changes.revision). */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'cast_by', type: 'uuid' })
  castById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cast_by', foreignKeyConstraintName: 'fk_positions_cast_by' })
  castBy?: User;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt: Date;
}
