import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The PDF of the answer to a dispatch, stored in PostgreSQL (see the migration for why). */
@Entity('dispatch_answer_files')
export class DispatchAnswerFile {
  @PrimaryColumn({ name: 'dispatch_id', type: 'uuid', primaryKeyConstraintName: 'pk_dispatch_answer_files' })
  dispatchId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'integer' })
  size: number;

  /** Never selected in lists: loaded only to download it. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
