import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One durable Yjs update (V1) of a document body, not yet folded into its snapshot. */
@Entity('document_updates')
export class DocumentUpdate {
  @PrimaryColumn({ name: 'document_id', type: 'uuid', primaryKeyConstraintName: 'pk_document_updates' })
  documentId: string;

  /** Identity column: orders updates; bigint, hence a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_document_updates' })
  seq: string;

  @Column({ type: 'bytea' })
  update: Buffer;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
