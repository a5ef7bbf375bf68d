import type { FederationSlug, Stance } from '@coupole/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { StanceGrounds } from './stance-grounds.entity';

/** Append-only log of every state a position had, the current one included. */
@Entity('position_changes')
export class PositionChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_position_changes' })
  id: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @Column({ name: 'federation_slug', type: 'varchar', length: 20 })
  federation: FederationSlug;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 20 })
  stance: Stance;

  @Column(() => StanceGrounds, { prefix: false })
  grounds: StanceGrounds;

  @Column({ name: 'cast_by', type: 'uuid' })
  castById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cast_by', foreignKeyConstraintName: 'fk_position_changes_cast_by' })
  castBy?: User;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt: Date;
}
