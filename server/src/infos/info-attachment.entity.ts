import { Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Info } from './info.entity';
import { StoredPdf } from '../common/stored-pdf';

/** An info's PDF, stored in PostgreSQL (see the migration for why). */
@Entity('info_attachments')
export class InfoAttachment extends StoredPdf {
  @PrimaryColumn({ name: 'info_id', type: 'uuid', primaryKeyConstraintName: 'pk_info_attachments' })
  infoId: string;

  // Named, not imported: the two entities would import each other.
  @OneToOne('Info', (info: Info) => info.attachment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'info_id', foreignKeyConstraintName: 'fk_info_attachments_info' })
  info?: Info;
}
