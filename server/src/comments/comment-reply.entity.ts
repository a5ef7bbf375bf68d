import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import type { Comment } from './comment.entity';

@Entity('comment_replies')
@Index('ix_comment_replies_comment_created', ['commentId', 'createdAt'])
export class CommentReply {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_comment_replies' })
  id: string;

  @Column({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  // Named, not imported: the two entities would import each other.
  @ManyToOne('Comment', (comment: Comment) => comment.replies, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'fk_comment_replies_comment' })
  comment?: Comment;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_comment_replies_author' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb' })
  mentions: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
