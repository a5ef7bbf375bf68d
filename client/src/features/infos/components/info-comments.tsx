import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useInfoComments, usePostInfoComment } from '../api/info-comments';

/** A small form posting a new thread or a reply. Bodies are shown as text (React escapes them). */
function CommentBox({ label, onSubmit, pending }: { label: string; onSubmit: (body: string) => Promise<unknown>; pending: boolean }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    await onSubmit(body.trim());
    setBody('');
  }
  return (
    <form className="info-comments__form" onSubmit={(event) => void handleSubmit(event)}>
      <label className="field__label">
        {label}
        <textarea className="field__input" rows={2} value={body} onChange={(event) => setBody(event.target.value)} />
      </label>
      <button type="submit" className="button button--secondary button--small" disabled={pending || !body.trim()}>
        {t('infos.comments.submit')}
      </button>
    </form>
  );
}

export function InfoComments({ infoId, canComment }: { infoId: string; canComment: boolean }) {
  const { t } = useTranslation();
  const comments = useInfoComments(infoId);
  const post = usePostInfoComment(infoId);
  return (
    <section className="info-comments" aria-labelledby="info-comments-title">
      <h2 id="info-comments-title">{t('infos.comments.title')}</h2>
      {comments.isPending ? <Loading /> : null}
      {comments.error ? <ErrorAlert error={comments.error} /> : null}
      {comments.data?.items.length === 0 ? <p>{t('infos.comments.empty')}</p> : null}
      <ol className="info-comments__list">
        {comments.data?.items.map((comment) => (
          <li key={comment.id} className="info-comment">
            <p className="info-comment__meta">
              {t('infos.comments.by', { name: comment.author.displayName, date: formatDate(comment.createdAt) })}
            </p>
            <p className="info-comment__body">{comment.body}</p>
            {comment.replies.length > 0 ? (
              <ol className="info-comment__replies">
                {comment.replies.map((reply) => (
                  <li key={reply.id}>
                    <p className="info-comment__meta">{t('infos.comments.by', { name: reply.author.displayName, date: formatDate(reply.createdAt) })}</p>
                    <p className="info-comment__body">{reply.body}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            {canComment ? (
              <CommentBox
                label={t('infos.comments.reply')}
                pending={post.isPending}
                onSubmit={(body) => post.mutateAsync({ commentId: comment.id, body })}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {post.error ? <ErrorAlert error={post.error} /> : null}
      {canComment ? <CommentBox label={t('infos.comments.new')} pending={post.isPending} onSubmit={(body) => post.mutateAsync({ body })} /> : null}
    </section>
  );
}
