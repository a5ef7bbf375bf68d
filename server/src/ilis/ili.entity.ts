import type { Affiliation, FederationSlug, Province } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A Local Integration Initiative of the directory. The table's generated `search` tsvector is
 * not mapped: only IlisRepository's raw conditions read it.
 */
@Entity('ilis')
export class Ili {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ilis' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  commune: string;

  @Column({ name: 'postal_code', type: 'char', length: 4 })
  postalCode: string;

  @Column({ type: 'varchar', length: 20 })
  province: Province;

  @Column({ type: 'varchar', length: 20 })
  affiliation: Affiliation;

  @Column({ name: 'federation_slug', type: 'varchar', length: 20, nullable: true })
  federationSlug: FederationSlug | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
