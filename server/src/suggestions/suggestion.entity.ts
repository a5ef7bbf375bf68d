import type { SuggestionFormat, SuggestionKind, SuggestionStatus } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Document } from '../documents/document.entity';
import { User } from '../users/user.entity';

/** A proposed change of a document's body, beside the Yjs text (never a copy of it). */
@Entity('suggestions')
@Index('ix_suggestions_document_created', ['documentId', 'createdAt', 'seq'])
export class Suggestion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_suggestions' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_suggestions_document' })
  document?: Document;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_suggestions_author' })
  author?: User;

  /** The author's federation when suggesting (kept even if they change federation later). */
  @Column({ name: 'federation_slug', type: 'text', nullable: true })
  federationSlug: string | null;

  @Column({ type: 'text' })
  kind: SuggestionKind;

  @Column({ type: 'text' })
  quote: string;

  @Column({ type: 'text' })
  replacement: string;

  /** For a `format` suggestion: the mark or block type it applies (null for the other kinds). */
  @Column({ type: 'jsonb', nullable: true })
  format: SuggestionFormat | null;

  /** Yjs relative positions (base64) of the quote's first character and of its end. */
  @Column({ name: 'anchor_start', type: 'text' })
  anchorStart: string;

  @Column({ name: 'anchor_end', type: 'text' })
  anchorEnd: string;

  @Column({ type: 'text', default: 'open' })
  status: SuggestionStatus;

  /** Set when the suggestion is (part of) an objection's amendment. */
  @Column({ name: 'objection_id', type: 'uuid', nullable: true })
  objectionId: string | null;

  /** Set when the suggestion is (part of) a reservation's amendment. */
  @Column({ name: 'reservation_id', type: 'uuid', nullable: true })
  reservationId: string | null;

  /** For an amendment's suggestion: the text of the frozen paragraph it was written on. */
  @Column({ name: 'version_text', type: 'text', nullable: true })
  versionText: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Storing order, to break ties of `createdAt` (the embedded database's clock counts in ms). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq?: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_suggestions_decided_by' })
  decidedBy?: User | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
