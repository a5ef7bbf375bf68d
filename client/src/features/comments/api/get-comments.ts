import { api, unwrap, type ApiSchema } from '../../../lib/api/client';
import { defineQuery } from '../../../lib/api/define-query';
import { documentKeys } from '../../../lib/api/query-keys';

export type Comment = ApiSchema<'CommentResponseDto'>;
export type CommentList = ApiSchema<'CommentListResponseDto'>;

export function getComments(documentId: string, signal?: AbortSignal): Promise<CommentList> {
  return unwrap(api.GET('/api/documents/{id}/comments', { params: { path: { id: documentId } }, signal }));
}

const commentsQuery = defineQuery({ key: documentKeys.comments, fetch: getComments });
export const commentsQueryOptions = commentsQuery.options;
export const useComments = commentsQuery.use;
