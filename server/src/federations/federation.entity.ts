import type { FederationSlug } from '@coupole/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('federations')
export class Federation {
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_federations' })
  slug: FederationSlug;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  website: string;

  @Column({ type: 'varchar', length: 7 })
  colour: string;

  @Column({ type: 'smallint' })
  position: number;
}
