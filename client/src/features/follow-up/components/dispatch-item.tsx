import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DispatchDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { Field } from '../../../components/form/field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { formatDay } from '../../../lib/dates';
import { useAnswerFile, useUpdateDispatch } from '../api/dispatches';

/** One dispatch: where it went, when, the answer; the secretariat moves it along its states. */
export function DispatchItem({ dispatch, canEdit, showDocument }: { dispatch: DispatchDto; canEdit: boolean; showDocument: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateDispatch();
  const answerFile = useAnswerFile(dispatch.id);
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');
  const [answerPdf, setAnswerPdf] = useState<File | null>(null);

  return (
    <li className={dispatch.overdue ? 'dispatch-item dispatch-item--overdue' : 'dispatch-item'}>
      <div className="dispatch-item__head">
        <h3 className="dispatch-item__recipient">{dispatch.recipient}</h3>
        <span>
          <span className="badge">{t(`followUp.statuses.${dispatch.status}`)}</span>{' '}
          {dispatch.overdue ? <span className="badge badge--danger">{t('followUp.overdue')}</span> : null}
        </span>
      </div>
      <p className="dispatch-item__meta">
        {showDocument ? <Link to={`/documents/${dispatch.documentId}`}>{dispatch.documentTitle}</Link> : null}
        {dispatch.sentAt ? (
          <span>
            {t('followUp.columns.sent')} {formatDay(dispatch.sentAt)}
          </span>
        ) : null}
        {dispatch.dueDate ? (
          <span>
            {t('followUp.columns.due')} {formatDay(dispatch.dueDate)}
          </span>
        ) : null}
      </p>
      {dispatch.answer || dispatch.answeredAt ? (
        <blockquote className="dispatch-item__answer">
          {dispatch.answeredAt ? <strong>{t('followUp.answeredOn', { date: formatDay(dispatch.answeredAt) })}</strong> : null}
          {dispatch.answer ? <p>{dispatch.answer}</p> : null}
        </blockquote>
      ) : null}
      {dispatch.answerFile || (canEdit && dispatch.status === 'answered') ? (
        <div className="dispatch-item__file">
          {dispatch.answerFile ? (
            <a className="button button--secondary button--small" href={`/api/dispatches/${dispatch.id}/answer-file`} download={dispatch.answerFile.fileName}>
              {t('followUp.answerFile.download', { name: dispatch.answerFile.fileName, size: Math.max(1, Math.round(dispatch.answerFile.size / 1024)) })}
            </a>
          ) : null}
          {canEdit ? (
            <label className="button button--secondary button--small">
              {dispatch.answerFile ? t('followUp.answerFile.replace') : t('followUp.answerFile.attach')}
              <input
                type="file"
                accept="application/pdf,.pdf"
                className="visually-hidden"
                disabled={answerFile.isPending}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) answerFile.mutate(file);
                }}
              />
            </label>
          ) : null}
          {canEdit && dispatch.answerFile ? (
            <button type="button" className="button button--small button--ghost" disabled={answerFile.isPending} onClick={() => answerFile.mutate(null)}>
              {t('followUp.answerFile.remove')}
            </button>
          ) : null}
        </div>
      ) : null}
      {answerFile.error ? <ErrorAlert error={answerFile.error} /> : null}
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {canEdit && answering ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(
              { id: dispatch.id, status: 'answered', answer: answer.trim() || null },
              {
                onSuccess: () => {
                  setAnswering(false);
                  if (answerPdf) answerFile.mutate(answerPdf);
                },
              },
            );
          }}
        >
          <TextAreaField label={t('followUp.answer')} value={answer} onChange={(event) => setAnswer(event.target.value)} />
          <Field label={t('followUp.answerFile.optional')}>
            {(control) => <input type="file" accept="application/pdf,.pdf" {...control} onChange={(event) => setAnswerPdf(event.target.files?.[0] ?? null)} />}
          </Field>
          <FormActions submitLabel={t('followUp.markAnswered')} pending={update.isPending} small />
        </form>
      ) : canEdit ? (
        <div className="dispatch-item__actions">
          {dispatch.status === 'to_send' ? (
            <button type="button" className="button button--small button--primary" disabled={update.isPending} onClick={() => update.mutate({ id: dispatch.id, status: 'sent' })}>
              {t('followUp.markSent')}
            </button>
          ) : null}
          {dispatch.status === 'sent' || dispatch.status === 'no_answer' ? (
            <button type="button" className="button button--small button--secondary" onClick={() => setAnswering(true)}>
              {t('followUp.markAnswered')}
            </button>
          ) : null}
          {dispatch.status === 'sent' ? (
            <button type="button" className="button button--small button--secondary" disabled={update.isPending} onClick={() => update.mutate({ id: dispatch.id, status: 'no_answer' })}>
              {t('followUp.markNoAnswer')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
