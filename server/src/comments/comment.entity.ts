import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Document } from '../documents/document.entity';
import { Info } from '../infos/info.entity';
import { User } from '../users/user.entity';
import { CommentReply } from './comment-reply.entity';

/** A thread on a document, on the whole text or anchored to a range of it. */
@Entity('comments')
@Index('ix_comments_document_created', ['documentId', 'createdAt'])
export class Comment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_comments' })
  id: string;

  /** The parent: a document or (generalised for the watch) an info; exactly one is set. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_comments_document' })
  document?: Document;

  @Column({ name: 'info_id', type: 'uuid', nullable: true })
  infoId: string | null;

  @ManyToOne(() => Info, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'info_id', foreignKeyConstraintName: 'fk_comments_info' })
  info?: Info;

  /**
   * Set when the comment is in a suggestion's thread (then `documentId` is the suggestion's
   * document). The foreign key is the migration's: the suggestions module sits above this one.
   */
  @Column({ name: 'suggestion_id', type: 'uuid', nullable: true })
  suggestionId: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_comments_author' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  /** Yjs relative positions (base64), stored as the client computed them. */
  @Column({ name: 'anchor_start', type: 'text', nullable: true })
  anchorStart: string | null;

  @Column({ name: 'anchor_end', type: 'text', nullable: true })
  anchorEnd: string | null;

  @Column({ name: 'anchor_quote', type: 'text', nullable: true })
  anchorQuote: string | null;

  /** User ids and federation slugs mentioned with `@`. */
  @Column({ type: 'jsonb' })
  mentions: string[];

  @Column({ type: 'boolean', default: false })
  resolved: boolean;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'fk_comments_resolved_by' })
  resolvedBy?: User | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @OneToMany(() => CommentReply, (reply) => reply.comment)
  replies?: CommentReply[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
