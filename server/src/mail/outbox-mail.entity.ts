import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A mail kept instead of sent, when no SMTP server is configured. */
@Entity('outbox')
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_outbox' })
  id: string;

  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 400 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
