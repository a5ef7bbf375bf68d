import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A document body's updates merged into one Yjs update, up to `uptoSeq`. */
@Entity('document_snapshots')
export class DocumentSnapshot {
  @PrimaryColumn({ name: 'document_id', type: 'uuid', primaryKeyConstraintName: 'pk_document_snapshots' })
  documentId: string;

  @Column({ type: 'bytea' })
  state: Buffer;

  @Column({ name: 'upto_seq', type: 'bigint', default: 0 })
  uptoSeq: string;

  /** False once the text is adopted or withdrawn: the statement storing an edit checks it. */
  @Column({ type: 'boolean', default: true })
  editable: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
