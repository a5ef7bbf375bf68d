import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TITLE_MAX_LENGTH } from '@coupole/shared';
import type { DocumentDetail } from '../../../lib/api/document';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { TextField } from '../../../components/form/text-field';
import { formatDate } from '../../../lib/dates';
import { useUpdateDocument } from '../api/update-document';
import { KIND_KEYS, STATUS_KEYS } from '../lib/document-labels';
import '../documents.css';

export function DocumentHeader({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  return (
    <header className="page__header document-header">
      {renaming ? (
        <RenameForm document={document} onDone={() => setRenaming(false)} />
      ) : (
        <div className="document-header__title-row">
          <h1 id="document-title" className="page__title" tabIndex={-1}>
            {document.title}
          </h1>
          {document.permissions.manage ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setRenaming(true)}>
              {t('documents.header.rename')}
            </button>
          ) : null}
          {document.permissions.manage && document.status === 'drafting' ? (
            <button type="button" className="button button--danger-outline button--small" onClick={() => setWithdrawing(true)}>
              {t('documents.header.withdraw')}
            </button>
          ) : null}
        </div>
      )}
      <p className="document-header__meta">
        <span className={`status-badge status-badge--${document.status}`}>{t(STATUS_KEYS[document.status])}</span>
        <span>{t(KIND_KEYS[document.kind])}</span>
        <span>
          {t('documents.header.lastEdited')}{' '}
          <time dateTime={document.lastEditedAt}>{formatDate(document.lastEditedAt)}</time>
        </span>
      </p>
      {withdrawing ? <WithdrawDialog document={document} onClose={() => setWithdrawing(false)} /> : null}
    </header>
  );
}

/** Withdrawal is final (the text can no longer be edited nor put to a round): always confirmed. */
function WithdrawDialog({ document, onClose }: { document: DocumentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDocument(document.id);
  return (
    <Dialog size="narrow" title={t('documents.withdraw.title')} onClose={onClose}>
      <p>{t('documents.withdraw.body', { title: document.title })}</p>
      {update.error ? <ErrorAlert error={update.error} /> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={update.isPending}
          onClick={() => update.mutate({ status: 'withdrawn' }, { onSuccess: onClose })}
        >
          {t('documents.withdraw.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
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
