import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INFO_ATTACHMENT_MAX_BYTES,
  INFO_TITLE_MAX_LENGTH,
  INFO_TOPICS,
  type InfoTopic,
  type InfoVisibility,
} from '@coupole/shared';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import type { Info } from '../api/get-infos';
import { useSaveInfo } from '../api/save-info';
import { TOPIC_KEYS } from '../../../lib/info-topics';

interface InfoFormDialogProps {
  /** Absent: a new info. */
  info?: Info;
  onClose: () => void;
  onSaved: (info: Info) => void;
}

type Errors = Partial<Record<'title' | 'body' | 'topics' | 'sourceUrl' | 'file', string>>;

export function InfoFormDialog({ info, onClose, onSaved }: InfoFormDialogProps) {
  const { t } = useTranslation();
  const save = useSaveInfo();
  const [title, setTitle] = useState(info?.title ?? '');
  const [body, setBody] = useState(info?.body ?? '');
  const [sourceUrl, setSourceUrl] = useState(info?.sourceUrl ?? '');
  const [topics, setTopics] = useState<InfoTopic[]>(info?.topics ?? []);
  const [toDiscuss, setToDiscuss] = useState(info?.toDiscuss ?? false);
  const [visibility, setVisibility] = useState<InfoVisibility>(info?.visibility ?? 'members');
  const [file, setFile] = useState<File | null | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>({});

  function validate(): boolean {
    const found: Errors = {};
    if (!title.trim()) found.title = t('infos.form.titleRequired');
    if (!body.trim()) found.body = t('infos.form.bodyRequired');
    if (topics.length === 0) found.topics = t('infos.form.topicsRequired');
    if (sourceUrl.trim() && !/^https?:\/\//i.test(sourceUrl.trim())) found.sourceUrl = t('infos.form.sourceUrlInvalid');
    if (file && file.size > INFO_ATTACHMENT_MAX_BYTES) found.file = t('infos.form.fileTooLarge');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!validate()) return;
    save.mutate(
      {
        id: info?.id,
        fields: { title: title.trim(), body, sourceUrl: sourceUrl.trim() || null, topics, toDiscuss, visibility },
        attachment: file,
      },
      { onSuccess: onSaved },
    );
  }

  const toggleTopic = (topic: InfoTopic) =>
    setTopics((current) => (current.includes(topic) ? current.filter((value) => value !== topic) : [...current, topic]));

  return (
    <Dialog title={info ? t('infos.form.editTitle') : t('infos.form.createTitle')} onClose={onClose}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t('infos.form.title')}
          value={title}
          maxLength={INFO_TITLE_MAX_LENGTH}
          required
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
          autoFocus
        />
        <TextAreaField
          label={t('infos.form.body')}
          hint={t('infos.form.bodyHint')}
          rows={8}
          value={body}
          required
          error={errors.body}
          onChange={(event) => setBody(event.target.value)}
        />
        <TextField
          label={t('infos.form.sourceUrl')}
          type="url"
          inputMode="url"
          value={sourceUrl}
          error={errors.sourceUrl}
          onChange={(event) => setSourceUrl(event.target.value)}
        />
        <fieldset className="field info-form__topics" aria-describedby={errors.topics ? 'info-topics-error' : undefined}>
          <legend className="field__label">{t('infos.form.topics')}</legend>
          {INFO_TOPICS.map((topic) => (
            <label key={topic} className="info-form__option">
              <input type="checkbox" checked={topics.includes(topic)} onChange={() => toggleTopic(topic)} />
              {t(TOPIC_KEYS[topic])}
            </label>
          ))}
          {errors.topics ? (
            <p id="info-topics-error" className="field__error">
              {errors.topics}
            </p>
          ) : null}
        </fieldset>
        <label className="info-form__option">
          <input type="checkbox" checked={toDiscuss} onChange={(event) => setToDiscuss(event.target.checked)} />
          {t('infos.form.toDiscuss')}
        </label>
        <fieldset className="field">
          <legend className="field__label">{t('infos.form.visibility')}</legend>
          <label className="info-form__option">
            <input type="radio" name="visibility" checked={visibility === 'members'} onChange={() => setVisibility('members')} />
            {t('infos.visibility.members')}
          </label>
          <label className="info-form__option">
            <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} />
            {t('infos.visibility.public')}
          </label>
        </fieldset>
        <TextField
          label={t('infos.form.file')}
          hint={info?.attachment ? t('infos.form.fileReplaces', { name: info.attachment.fileName }) : t('infos.form.fileHint')}
          type="file"
          accept="application/pdf,.pdf"
          error={errors.file}
          onChange={(event) => setFile(event.target.files?.[0] ?? undefined)}
        />
        {info?.attachment ? (
          <label className="info-form__option">
            <input type="checkbox" checked={file === null} onChange={(event) => setFile(event.target.checked ? null : undefined)} />
            {t('infos.form.removeFile')}
          </label>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <FormActions submitLabel={t('infos.form.submit')} pendingLabel={t('infos.form.submitting')} pending={save.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
