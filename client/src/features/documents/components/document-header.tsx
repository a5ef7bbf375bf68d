import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TITLE_MAX_LENGTH } from '@coupole/shared';
import type { DocumentDetail } from '../../../lib/api/document';
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
    </header>
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
