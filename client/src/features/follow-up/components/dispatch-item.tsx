import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DispatchDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { formatDay } from '../../../lib/dates';
import { useUpdateDispatch } from '../api/dispatches';

/** One dispatch: where it went, when, the answer; the secretariat moves it along its states. */
export function DispatchItem({ dispatch, canEdit, showDocument }: { dispatch: DispatchDto; canEdit: boolean; showDocument: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateDispatch();
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');

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
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {canEdit && answering ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: dispatch.id, status: 'answered', answer: answer.trim() || null }, { onSuccess: () => setAnswering(false) });
          }}
        >
          <TextAreaField label={t('followUp.answer')} value={answer} onChange={(event) => setAnswer(event.target.value)} />
          <div className="form__actions">
            <button type="submit" className="button button--primary button--small" disabled={update.isPending}>
              {t('followUp.markAnswered')}
            </button>
          </div>
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
