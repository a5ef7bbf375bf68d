import type { MandateSeat } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('mandates')
export class Mandate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mandates' })
  id: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId: string;

  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @Column({ name: 'federation_slug', type: 'varchar', length: 20 })
  federationSlug: string;

  @Column({ type: 'varchar', length: 20 })
  seat: MandateSeat;

  /** `YYYY-MM-DD` (a PostgreSQL date, read back as a string). */
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
