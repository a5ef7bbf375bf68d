import type { ParagraphDto } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Document } from '../documents/document.entity';
import { User } from '../users/user.entity';

/** An immutable snapshot of a document body (a trigger refuses updates). */
@Entity('versions')
@Unique('uq_versions_document_number', ['documentId', 'number'])
export class Version {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_versions' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_versions_document' })
  document?: Document;

  /** 1, 2, 3… within the document. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_versions_author' })
  author?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The whole Yjs state (V1 update) at the freeze. */
  @Column({ name: 'yjs_state', type: 'bytea', select: false })
  yjsState: Buffer;

  /** Canonical Markdown of the body, produced on the server from the Yjs state. */
  @Column({ type: 'text' })
  markdown: string;

  /** SHA-256 (hex) of `markdown`'s UTF-8 bytes. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'jsonb' })
  paragraphs: ParagraphDto[];
}
