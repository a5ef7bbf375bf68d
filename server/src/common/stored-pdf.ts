import { Column, CreateDateColumn } from 'typeorm';

/** The columns of a PDF stored in PostgreSQL (an info's attachment, a dispatch's answer). */
export abstract class StoredPdf {
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'integer' })
  size: number;

  /** Never selected with its owner: loaded only to download it. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
