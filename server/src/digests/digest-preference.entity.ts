import type { DigestFrequency } from '@coupole/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How often one member wants the e-mail of new infos; no row means `none`. */
@Entity('info_digest_preferences')
export class DigestPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_info_digest_preferences' })
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  frequency: DigestFrequency;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
