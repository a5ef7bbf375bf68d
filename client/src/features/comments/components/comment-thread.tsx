import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEDERATION_SHORT_NAMES, type FederationSlug } from '@coupole/shared';
import type { Comment } from '../api/get-comments';
import { formatDate } from '../../../lib/dates';
import { useReplyToComment } from '../api/reply-to-comment';
import { useUpdateComment } from '../api/update-comment';
import { mentionsUser } from '../lib/mentions';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';

interface CommentThreadProps {
  documentId: string;
  comment: Comment;
  currentUser: { id: string; federation: string | null };
  canComment: boolean;
  active: boolean;
  onSelect: (id: string | null) => void;
}

function Author({ name, federation }: { name: string; federation: string | null }) {
  return (
    <span className="comment__author">
      {name}
      {federation ? <span className="comment__federation">{FEDERATION_SHORT_NAMES[federation as FederationSlug] ?? federation}</span> : null}
    </span>
  );
}

/** One message of a flat list (a thread's reply, a suggestion card's comment): who, when (Brussels), what. */
export function CommentMessage({ message }: { message: { author: { displayName: string; federation: string | null }; createdAt: string; body: string } }) {
  return (
    <>
      <div className="comment__header">
        <Author name={message.author.displayName} federation={message.author.federation} />
        <time className="comment__time" dateTime={message.createdAt}>
          {formatDate(message.createdAt)}
        </time>
      </div>
      <CommentBody body={message.body} />
    </>
  );
}

export function CommentThread({ documentId, comment, currentUser, canComment, active, onSelect }: CommentThreadProps) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const reply = useReplyToComment(documentId);
  const update = useUpdateComment(documentId);
  const mentioned = mentionsUser(comment.mentions, currentUser);
  const classes = ['comment', active ? 'is-active' : '', comment.resolved ? 'is-resolved' : '', mentioned ? 'is-mention' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <article className={classes} aria-labelledby={`comment-${comment.id}-title`} data-comment-id={comment.id}>
      <header className="comment__header">
        <h3 id={`comment-${comment.id}-title`} className="comment__title">
          <Author name={comment.author.displayName} federation={comment.author.federation} />
        </h3>
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatDate(comment.createdAt)}
        </time>
      </header>
      {comment.anchor ? (
        <button
          type="button"
          className="comment__quote"
          aria-pressed={active}
          onClick={() => onSelect(active ? null : comment.id)}
        >
          <span className="visually-hidden">{t('comments.quoteLabel')}</span>
          {comment.anchor.quote}
        </button>
      ) : (
        <p className="comment__general">{t('comments.general')}</p>
      )}
      <CommentBody body={comment.body} />
      {mentioned ? <p className="comment__badge">{t('comments.mentionsYou')}</p> : null}
      {comment.resolved ? (
        <p className="comment__status">
          {comment.resolvedBy
            ? t('comments.resolvedBy', { name: comment.resolvedBy.displayName })
            : t('comments.resolved')}
        </p>
      ) : null}
      {comment.replies.length > 0 ? (
        <ol className="comment__replies" aria-label={t('comments.replies', { count: comment.replies.length })}>
          {comment.replies.map((item) => (
            <li key={item.id} className="comment__reply">
              <CommentMessage message={item} />
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? (
        <div className="comment__actions">
          {replying ? null : (
            <button type="button" className="button button--secondary button--small" onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={update.isPending}
            onClick={() => update.mutate({ commentId: comment.id, resolved: !comment.resolved })}
          >
            {comment.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      ) : null}
      {update.error ? <p className="field__error">{t('comments.updateFailed')}</p> : null}
      {replying ? (
        <CommentForm
          documentId={documentId}
          label={t('comments.replyLabel')}
          submitLabel={t('comments.sendReply')}
          pending={reply.isPending}
          error={reply.error}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            await reply.mutateAsync({ commentId: comment.id, body });
            setReplying(false);
          }}
        />
      ) : null}
    </article>
  );
}
