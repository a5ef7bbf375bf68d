import type { DocumentKind, DocumentStatus } from '@coupole/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A text the federations co-draft. The live body is the Yjs state (collab module); `markdown`
 * is its cache for listing and full-text search. The table's generated `search` tsvector is
 * deliberately not mapped: only raw queries in DocumentsService read it.
 */
@Entity('documents')
export class Document {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_documents' })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 40 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 20, default: 'drafting' })
  status: DocumentStatus;

  @Column({ type: 'text', default: '' })
  markdown: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_documents_created_by' })
  createdBy?: User;

  @ManyToMany(() => User)
  @JoinTable({
    name: 'document_observers',
    joinColumn: { name: 'document_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_document_observers_document' },
    inverseJoinColumn: { name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_document_observers_user' },
  })
  observers?: User[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'last_edited_at', type: 'timestamptz', default: () => 'now()' })
  lastEditedAt: Date;

  /** Set while archived (read-only, out of the default list); the status is kept as it was. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'archived_by_id', type: 'uuid', nullable: true })
  archivedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'archived_by_id', foreignKeyConstraintName: 'fk_documents_archived_by' })
  archivedBy?: User | null;
}
