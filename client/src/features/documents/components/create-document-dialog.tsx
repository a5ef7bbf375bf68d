import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_IMPORT_MAX_BYTES, DOCUMENT_KINDS, DOCUMENT_TITLE_MAX_LENGTH, type DocumentKind } from '@coupole/shared';
import type { DocumentDetail } from '../../../lib/api/document';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useCreateDocument } from '../api/create-document';

interface CreateDocumentDialogProps {
  onClose: () => void;
  onCreated: (document: DocumentDetail) => void;
}

type Source = 'blank' | 'markdown' | 'docx';

export function CreateDocumentDialog({ onClose, onCreated }: CreateDocumentDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateDocument();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [source, setSource] = useState<Source>('blank');
  const [markdown, setMarkdown] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Partial<Record<'title' | 'kind' | 'file', string>>>({});

  function validate() {
    const found: typeof errors = {};
    if (source !== 'docx' && title.trim() === '') found.title = t('documents.create.titleRequired');
    if (kind === '') found.kind = t('documents.create.kindRequired');
    if (source === 'docx') {
      if (!file) found.file = t('documents.create.fileRequired');
      else if (!file.name.toLowerCase().endsWith('.docx')) found.file = t('documents.create.fileType');
      else if (file.size > DOCUMENT_IMPORT_MAX_BYTES) found.file = t('documents.create.fileTooLarge');
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!validate() || kind === '') return;
    const input =
      source === 'docx' && file
        ? { file, kind, title: title.trim() || undefined }
        : { title: title.trim(), kind, ...(source === 'markdown' && markdown.trim() ? { markdown } : {}) };
    create.mutate(input, { onSuccess: onCreated });
  }

  return (
    <Dialog title={t('documents.create.title')} onClose={onClose}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t('documents.create.titleField')}
          hint={source === 'docx' ? t('documents.create.titleFromFile') : undefined}
          value={title}
          maxLength={DOCUMENT_TITLE_MAX_LENGTH}
          required={source !== 'docx'}
          error={errors.title}
          onChange={(event) => {
            setTitle(event.target.value);
            setErrors(({ title: _title, ...rest }) => rest);
          }}
          autoFocus
        />
        <SelectField
          label={t('documents.create.kind')}
          placeholder={t('documents.create.chooseKind')}
          value={kind}
          required
          error={errors.kind}
          options={DOCUMENT_KINDS.map((value) => ({ value, label: t(`documentKinds.${value}`) }))}
          onChange={(event) => {
            setKind(event.target.value as DocumentKind | '');
            setErrors(({ kind: _kind, ...rest }) => rest);
          }}
        />
        <fieldset className="field document-source">
          <legend className="field__label">{t('documents.create.source')}</legend>
          {(
            [
              ['blank', t('documents.create.sourceBlank')],
              ['markdown', t('documents.create.sourceMarkdown')],
              ['docx', t('documents.create.sourceDocx')],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="document-source__option">
              <input
                type="radio"
                name={`${id}-source`}
                value={value}
                checked={source === value}
                onChange={() => setSource(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {source === 'markdown' ? (
          <TextAreaField
            label={t('documents.create.markdown')}
            hint={t('documents.create.markdownHint')}
            className="document-source__markdown"
            rows={10}
            value={markdown}
            onChange={(event) => setMarkdown(event.target.value)}
          />
        ) : null}
        {source === 'docx' ? (
          <TextField
            label={t('documents.create.file')}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            error={errors.file}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setErrors(({ file: _file, ...rest }) => rest);
            }}
          />
        ) : null}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <FormActions
          submitLabel={t('documents.create.submit')}
          pendingLabel={t('documents.create.submitting')}
          pending={create.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
