import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { useLive } from '../../../lib/live/use-live';
import type { Comment } from '../api/get-comments';
import { suggestionThreadKey, useCommentOnSuggestion, useSuggestionComments } from '../api/suggestion-comments';
import { upsertComment } from '../lib/comment-cache';
import { mentionsUser } from '../lib/mentions';
import { CommentForm } from './comment-form';
import { CommentMessage } from './comment-thread';
import '../comments.css';

interface SuggestionThreadProps {
  documentId: string;
  suggestionId: string;
  /** The suggestion's own count: a thread with no comment is not fetched. */
  commentCount: number;
  currentUser: { id: string; federation: string | null };
  canComment: boolean;
}

/** The comments on one suggestion's card, oldest first, with a reply field; kept current live. */
export function SuggestionThread({ documentId, suggestionId, commentCount, currentUser, canComment }: SuggestionThreadProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const thread = { documentId, suggestionId };
  const comments = useSuggestionComments(thread, { enabled: commentCount > 0 });
  const post = useCommentOnSuggestion(thread);
  const [replying, setReplying] = useState(false);
  const key = suggestionThreadKey(thread);
  const upsert = (comment: Comment) => {
    if (comment.suggestionId === suggestionId) upsertComment(queryClient, key, comment);
  };
  useLive(
    {
      'comment.created': (event) => upsert(event.payload.comment),
      'comment.updated': (event) => upsert(event.payload.comment),
    },
    { documentId, onResync: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );

  const items = comments.data?.items ?? [];
  if (items.length === 0 && !canComment) return null;
  return (
    <section className="suggestion-thread" aria-label={t('comments.suggestionThread')}>
      {comments.isError ? <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} /> : null}
      {items.length > 0 ? (
        <ol className="suggestion-thread__list" aria-label={t('comments.replies', { count: items.length })}>
          {items.map((comment) => {
            const mentioned = mentionsUser(comment.mentions, currentUser);
            return (
              <li key={comment.id} className={mentioned ? 'suggestion-thread__item is-mention' : 'suggestion-thread__item'}>
                <CommentMessage message={comment} />
                {mentioned ? <span className="visually-hidden">{t('comments.mentionsYou')}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {canComment && !replying ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setReplying(true)}>
          {t('comments.reply')}
        </button>
      ) : null}
      {canComment && replying ? (
        <CommentForm
          documentId={documentId}
          label={t('comments.replyLabel')}
          submitLabel={t('comments.sendReply')}
          pending={post.isPending}
          error={post.error}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            await post.mutateAsync(body);
            setReplying(false);
          }}
        />
      ) : null}
    </section>
  );
}
