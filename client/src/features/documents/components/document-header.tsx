import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canArchive, DOCUMENT_TITLE_MAX_LENGTH } from '@coupole/shared';
import type { DocumentDetail } from '../../../lib/api/document';
import { ConfirmDialog } from '../../../components/dialog/confirm-dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { TextField } from '../../../components/form/text-field';
import { formatDate } from '../../../lib/dates';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useUpdateDocument } from '../api/update-document';
import '../documents.css';

export function DocumentHeader({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const user = useCurrentUser();
  const archived = Boolean(document.archivedAt);
  const mayArchive = canArchive(user, { createdById: document.createdBy.id }) && (archived || document.status !== 'in_round');
  const unarchive = useUpdateDocument(document.id);

  return (
    <header className="page__header document-header">
      {renaming ? (
        <RenameForm document={document} onDone={() => setRenaming(false)} />
      ) : (
        <div className="document-header__title-row">
          <h1 id="document-title" className="page__title" tabIndex={-1}>
            {document.title}
          </h1>
          {document.permissions.manage && !archived ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setRenaming(true)}>
              {t('documents.header.rename')}
            </button>
          ) : null}
          {document.permissions.manage && document.status === 'drafting' && !archived ? (
            <button type="button" className="button button--danger-outline button--small" onClick={() => setWithdrawing(true)}>
              {t('documents.header.withdraw')}
            </button>
          ) : null}
          {mayArchive && !archived ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setArchiving(true)}>
              {t('documents.archive.archive')}
            </button>
          ) : null}
          {mayArchive && archived ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={unarchive.isPending}
              onClick={() => unarchive.mutate({ archived: false })}
            >
              {t('documents.archive.unarchive')}
            </button>
          ) : null}
        </div>
      )}
      {unarchive.error ? <ErrorAlert error={unarchive.error} /> : null}
      <p className="document-header__meta">
        <span className={`status-badge status-badge--${document.status}`}>{t(`documentStatuses.${document.status}`)}</span>
        {document.archivedAt ? (
          <span className="badge badge--off">
            {document.archivedBy
              ? t('documents.archive.archivedOnBy', { date: formatDate(document.archivedAt, 'date'), name: document.archivedBy.displayName })
              : t('documents.archive.archivedOn', { date: formatDate(document.archivedAt, 'date') })}
          </span>
        ) : null}
        <span>{t(`documentKinds.${document.kind}`)}</span>
        <span>
          {t('documents.header.lastEdited')}{' '}
          <time dateTime={document.lastEditedAt}>{formatDate(document.lastEditedAt)}</time>
        </span>
      </p>
      {withdrawing ? <WithdrawDialog document={document} onClose={() => setWithdrawing(false)} /> : null}
      {archiving ? <ArchiveDialog document={document} onClose={() => setArchiving(false)} /> : null}
    </header>
  );
}

/** Archiving makes the text read-only for everyone and takes it out of the list: confirmed. */
function ArchiveDialog({ document, onClose }: { document: DocumentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDocument(document.id);
  return (
    <ConfirmDialog
      title={t('documents.archive.title')}
      confirmLabel={t('documents.archive.confirm')}
      onConfirm={() => update.mutate({ archived: true }, { onSuccess: onClose })}
      onClose={onClose}
      pending={update.isPending}
      error={update.error}
      danger={false}
    >
      <p>{t('documents.archive.body', { title: document.title })}</p>
    </ConfirmDialog>
  );
}

/** Withdrawal is final (the text can no longer be edited nor put to a round): always confirmed. */
function WithdrawDialog({ document, onClose }: { document: DocumentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDocument(document.id);
  return (
    <ConfirmDialog
      title={t('documents.withdraw.title')}
      confirmLabel={t('documents.withdraw.confirm')}
      onConfirm={() => update.mutate({ status: 'withdrawn' }, { onSuccess: onClose })}
      onClose={onClose}
      pending={update.isPending}
      error={update.error}
    >
      <p>{t('documents.withdraw.body', { title: document.title })}</p>
    </ConfirmDialog>
  );
}

function RenameForm({ document, onDone }: { document: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDocument(document.id);
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t('documents.create.titleRequired'));
      return;
    }
    update.mutate({ title: title.trim() }, { onSuccess: onDone });
  }

  return (
    <form className="form document-header__rename" onSubmit={handleSubmit} noValidate>
      <h1 id="document-title" className="visually-hidden" tabIndex={-1}>
        {document.title}
      </h1>
      <TextField
        label={t('documents.header.newTitle')}
        value={title}
        maxLength={DOCUMENT_TITLE_MAX_LENGTH}
        error={error}
        onChange={(event) => setTitle(event.target.value)}
        autoFocus
      />
      {update.error ? <ErrorAlert error={update.error} /> : null}
      <FormActions
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        pending={update.isPending}
        onCancel={onDone}
        small
      />
    </form>
  );
}
