import { CommentBody } from './comment-body';

export class CreateReplyDto {
  @CommentBody()
  body: string;
}
