import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A digest slot claimed (and sent) for one user: the primary key makes it once only. */
@Entity('info_digest_deliveries')
export class DigestDelivery {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_info_digest_deliveries' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'pk_info_digest_deliveries' })
  slot: string;

  @Column({ type: 'integer', default: 0 })
  items: number;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
