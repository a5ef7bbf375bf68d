import type { CommentDto } from '@coupole/shared';

/** A thread was opened, or answered, resolved, reopened, edited. */
export interface CommentChanged {
  comment: CommentDto;
}

/** Someone was named in a comment or a reply: what a notification needs. */
export interface CommentMentioned {
  documentId: string;
  commentId: string;
  /** Set when the mention is in a reply. */
  replyId: string | null;
  authorId: string;
  /** As stored on the comment: user ids and federation slugs. */
  mentions: string[];
  /** Active users to tell: the people named and the members of the federations named, never the author. */
  recipientIds: string[];
  excerpt: string;
}

export interface CommentEvents {
  'comment.created': CommentChanged;
  'comment.updated': CommentChanged;
  'comment.mentioned': CommentMentioned;
}
