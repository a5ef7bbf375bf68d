import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentAnchorDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useCreateComment } from '../api/create-comment';
import { useComments, type Comment } from '../api/get-comments';
import { useLiveComments } from '../hooks/use-live-comments';
import { CommentForm } from './comment-form';
import { CommentThread } from './comment-thread';
import '../comments.css';

interface CommentsPanelProps {
  documentId: string;
  currentUser: { id: string; federation: string | null };
  canComment: boolean;
  /** A selection the user asked to comment on in the editor, waiting for its text. */
  pendingAnchor: CommentAnchorDto | null;
  onPendingAnchorDone: () => void;
  activeCommentId: string | null;
  onSelectComment: (id: string | null) => void;
}

export function CommentsPanel({
  documentId,
  currentUser,
  canComment,
  pendingAnchor,
  onPendingAnchorDone,
  activeCommentId,
  onSelectComment,
}: CommentsPanelProps) {
  const { t } = useTranslation();
  const comments = useComments(documentId);
  const create = useCreateComment(documentId);
  const [showResolved, setShowResolved] = useState(false);
  useLiveComments(documentId);

  const items: Comment[] = comments.data?.items ?? [];
  const open = items.filter((comment) => !comment.resolved);
  const resolved = items.filter((comment) => comment.resolved);
  const shown = showResolved ? [...open, ...resolved] : open;

  return (
    <div className="comments">
      {canComment && pendingAnchor ? (
        <div className="comments__new comments__new--anchored">
          <p className="comments__quote">
            <span className="visually-hidden">{t('comments.quoteLabel')}</span>
            {pendingAnchor.quote}
          </p>
          <CommentForm
            key={pendingAnchor.start + pendingAnchor.end}
            documentId={documentId}
            label={t('comments.newAnchored')}
            submitLabel={t('comments.submit')}
            pending={create.isPending}
            error={create.error}
            autoFocus
            onCancel={onPendingAnchorDone}
            onSubmit={async (body) => {
              const comment = await create.mutateAsync({ body, anchor: pendingAnchor });
              onPendingAnchorDone();
              onSelectComment(comment.id);
            }}
          />
        </div>
      ) : null}
      {canComment && !pendingAnchor ? (
        <div className="comments__new">
          <CommentForm
            documentId={documentId}
            label={t('comments.newGeneral')}
            submitLabel={t('comments.submit')}
            pending={create.isPending}
            error={create.error}
            onSubmit={(body) => create.mutateAsync({ body })}
          />
          <p className="field__hint">{t('comments.selectHint')}</p>
        </div>
      ) : null}
      {comments.isPending ? <Loading /> : null}
      {comments.isError ? <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} /> : null}
      {comments.data ? (
        <>
          <div className="comments__summary">
            <p>{t('comments.summary', { open: open.length, resolved: resolved.length })}</p>
            {resolved.length > 0 ? (
              <label className="comments__toggle">
                <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
                {t('comments.showResolved')}
              </label>
            ) : null}
          </div>
          {shown.length === 0 ? <p className="muted">{t('comments.empty')}</p> : null}
          <ul className="comments__list">
            {shown.map((comment) => (
              <li key={comment.id}>
                <CommentThread
                  documentId={documentId}
                  comment={comment}
                  currentUser={currentUser}
                  canComment={canComment}
                  active={comment.id === activeCommentId}
                  onSelect={onSelectComment}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
