import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a user last loaded the home page, and where their previous visit ended. */
@Entity('home_visits')
export class HomeVisit {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_home_visits' })
  userId: string;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'previous_visit_ended_at', type: 'timestamptz', nullable: true })
  previousVisitEndedAt: Date | null;
}
