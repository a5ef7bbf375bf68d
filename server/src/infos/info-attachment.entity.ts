import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Info } from './info.entity';

/** An info's PDF, stored in PostgreSQL (see the migration for why). */
@Entity('info_attachments')
export class InfoAttachment {
  @PrimaryColumn({ name: 'info_id', type: 'uuid', primaryKeyConstraintName: 'pk_info_attachments' })
  infoId: string;

  // Named, not imported: the two entities would import each other.
  @OneToOne('Info', (info: Info) => info.attachment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'info_id', foreignKeyConstraintName: 'fk_info_attachments_info' })
  info?: Info;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'integer' })
  size: number;

  /** Never selected with the info: loaded only to download it. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
