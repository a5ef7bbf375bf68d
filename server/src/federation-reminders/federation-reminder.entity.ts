import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last "Relancer" of one federation in one round (the 12-hour guard). */
@Entity('federation_reminders')
export class FederationReminder {
  @PrimaryColumn({ name: 'round_id', type: 'uuid', primaryKeyConstraintName: 'pk_federation_reminders' })
  roundId: string;

  @PrimaryColumn({ name: 'federation_slug', type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_federation_reminders' })
  federationSlug: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ name: 'sent_by', type: 'uuid' })
  sentById: string;

  @Column({ type: 'integer', default: 1 })
  count: number;
}
