import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The `reminded_at` guard: a (round, federation) row exists once that federation was reminded. */
@Entity('round_reminders')
export class RoundReminder {
  @PrimaryColumn({ name: 'round_id', type: 'uuid', primaryKeyConstraintName: 'pk_round_reminders' })
  roundId: string;

  @PrimaryColumn({ name: 'federation_slug', type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_round_reminders' })
  federationSlug: string;

  @Column({ name: 'reminded_at', type: 'timestamptz', insert: false, update: false })
  remindedAt: Date;
}
