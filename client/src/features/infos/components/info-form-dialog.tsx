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
import { useFormState, type FormErrors } from '../../../hooks/use-form-state';
import type { Info } from '../api/get-infos';
import { useSaveInfo } from '../api/save-info';
import { TOPIC_KEYS } from '../../../lib/info-topics';

interface InfoFormDialogProps {
  /** Absent: a new info. */
  info?: Info;
  onClose: () => void;
  onSaved: (info: Info) => void;
}

interface InfoFormValues {
  title: string;
  body: string;
  sourceUrl: string;
  topics: InfoTopic[];
  toDiscuss: boolean;
  visibility: InfoVisibility;
  /** A new PDF; null removes the current one; undefined keeps it. */
  file: File | null | undefined;
}

export function InfoFormDialog({ info, onClose, onSaved }: InfoFormDialogProps) {
  const { t } = useTranslation();
  const save = useSaveInfo();
  const form = useFormState<InfoFormValues>(
    {
      title: info?.title ?? '',
      body: info?.body ?? '',
      sourceUrl: info?.sourceUrl ?? '',
      topics: info?.topics ?? [],
      toDiscuss: info?.toDiscuss ?? false,
      visibility: info?.visibility ?? 'members',
      file: undefined,
    },
    ({ title, body, topics, sourceUrl, file }) => {
      const found: FormErrors<InfoFormValues> = {};
      if (!title.trim()) found.title = t('infos.form.titleRequired');
      if (!body.trim()) found.body = t('infos.form.bodyRequired');
      if (topics.length === 0) found.topics = t('infos.form.topicsRequired');
      if (sourceUrl.trim() && !/^https?:\/\//i.test(sourceUrl.trim())) found.sourceUrl = t('infos.form.sourceUrlInvalid');
      if (file && file.size > INFO_ATTACHMENT_MAX_BYTES) found.file = t('infos.form.fileTooLarge');
      return found;
    },
  );
  const { values, errors, change } = form;

  const send = ({ title, body, sourceUrl, topics, toDiscuss, visibility, file }: InfoFormValues) =>
    save.mutate(
      {
        id: info?.id,
        fields: { title: title.trim(), body, sourceUrl: sourceUrl.trim() || null, topics, toDiscuss, visibility },
        attachment: file,
      },
      { onSuccess: onSaved },
    );

  const toggleTopic = (topic: InfoTopic) =>
    change({ topics: values.topics.includes(topic) ? values.topics.filter((value) => value !== topic) : [...values.topics, topic] });

  return (
    <Dialog title={info ? t('infos.form.editTitle') : t('infos.form.createTitle')} onClose={onClose}>
      <form className="form" onSubmit={form.submit(send)} noValidate>
        <TextField label={t('infos.form.title')} maxLength={INFO_TITLE_MAX_LENGTH} required autoFocus {...form.field('title')} />
        <TextAreaField label={t('infos.form.body')} hint={t('infos.form.bodyHint')} rows={8} required {...form.field('body')} />
        <TextField label={t('infos.form.sourceUrl')} type="url" inputMode="url" {...form.field('sourceUrl')} />
        <fieldset className="field info-form__topics" aria-describedby={errors.topics ? 'info-topics-error' : undefined}>
          <legend className="field__label">{t('infos.form.topics')}</legend>
          {INFO_TOPICS.map((topic) => (
            <label key={topic} className="info-form__option">
              <input type="checkbox" checked={values.topics.includes(topic)} onChange={() => toggleTopic(topic)} />
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
          <input type="checkbox" checked={values.toDiscuss} onChange={(event) => change({ toDiscuss: event.target.checked })} />
          {t('infos.form.toDiscuss')}
        </label>
        <fieldset className="field">
          <legend className="field__label">{t('infos.form.visibility')}</legend>
          <label className="info-form__option">
            <input type="radio" name="visibility" checked={values.visibility === 'members'} onChange={() => change({ visibility: 'members' })} />
            {t('infos.visibility.members')}
          </label>
          <label className="info-form__option">
            <input type="radio" name="visibility" checked={values.visibility === 'public'} onChange={() => change({ visibility: 'public' })} />
            {t('infos.visibility.public')}
          </label>
        </fieldset>
        <TextField
          label={t('infos.form.file')}
          hint={info?.attachment ? t('infos.form.fileReplaces', { name: info.attachment.fileName }) : t('infos.form.fileHint')}
          type="file"
          accept="application/pdf,.pdf"
          error={errors.file}
          onChange={(event) => change({ file: event.target.files?.[0] ?? undefined })}
        />
        {info?.attachment ? (
          <label className="info-form__option">
            <input type="checkbox" checked={values.file === null} onChange={(event) => change({ file: event.target.checked ? null : undefined })} />
            {t('infos.form.removeFile')}
          </label>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <FormActions submitLabel={t('infos.form.submit')} pendingLabel={t('infos.form.submitting')} pending={save.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
