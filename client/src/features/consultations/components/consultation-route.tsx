import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canManageConsultation } from '@coupole/shared';
import { Page } from '../../../components/layout/page';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useConsultation, useConsultationAction, useScopeCount, type Consultation } from '../api/consultations';
import { ConsultationResultsView } from './consultation-results';
import '../consultations.css';

function DraftView({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const count = useScopeCount(consultation.scope, true);
  return (
    <section className="results__panel" aria-labelledby="draft-questions">
      <h2 id="draft-questions">{t('consultations.detail.questions')}</h2>
      <ol>
        {consultation.questions.map((question) => (
          <li key={question.id}>
            {question.label} <span className="data-table__sub">({t(`consultations.kinds.${question.kind}`)}{question.required ? `, ${t('consultations.builder.required').toLowerCase()}` : ''})</span>
            {question.options?.length ? <span className="data-table__sub"> — {question.options.join(' / ')}</span> : null}
          </li>
        ))}
      </ol>
      <p className="builder__count">{count.data ? t('consultations.builder.reach', { count: count.data.invited }) : ''}</p>
    </section>
  );
}

/** One consultation: its state and actions, then its results. */
export function ConsultationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const consultation = useConsultation(id);
  const action = useConsultationAction(id);
  const [launched, setLaunched] = useState<number | null>(null);
  const data = consultation.data;
  const manager = data ? canManageConsultation({ role: user.role, federationSlug: (user.federation ?? null) as never }, { federation: data.federation }) : false;

  return (
    <Page
      titleId="consultation-title"
      title={data?.title ?? t('consultations.list.title')}
      intro={data?.description || undefined}
      headerExtra={<Link to="/consultations">{t('consultations.detail.back')}</Link>}
    >
      {consultation.isPending ? <Loading /> : null}
      {consultation.isError ? <ErrorAlert error={consultation.error} /> : null}
      {data ? (
        <>
          <ul className="consultation__meta">
            <li>
              <span className={`badge${data.status === 'open' ? ' badge--ok' : data.status === 'closed' ? ' badge--off' : ''}`}>{t(`consultations.status.${data.status}`)}</span>
            </li>
            <li>{t('consultations.detail.askedBy', { who: data.federation ? data.federation.toUpperCase() : t('consultations.coupole') })}</li>
            <li>{t('consultations.detail.closesAt', { date: formatDate(data.closesAt) })}</li>
            {data.anonymous ? <li>{t('consultations.detail.anonymous')}</li> : null}
            {data.series ? (
              <li>
                <Link to={`/consultations/series/${data.series}`}>{t('consultations.detail.series', { series: data.series })}</Link>
              </li>
            ) : null}
            {data.federation && data.shared ? <li>{t('consultations.detail.shared')}</li> : null}
          </ul>
          {manager ? (
            <div className="consultations__actions">
              {data.status === 'draft' ? (
                <>
                  <Link className="button button--secondary" to={`/consultations/${data.id}/modifier`}>
                    {t('consultations.detail.edit')}
                  </Link>
                  <button type="button" className="button button--primary" disabled={action.isPending} onClick={() => action.mutate('launch', { onSuccess: (result) => setLaunched('invited' in result ? result.invited : null) })}>
                    {t('consultations.detail.launch')}
                  </button>
                </>
              ) : null}
              {data.status === 'open' ? (
                <button type="button" className="button button--secondary" disabled={action.isPending} onClick={() => action.mutate('close')}>
                  {t('consultations.detail.close')}
                </button>
              ) : null}
              {data.federation && !data.shared && data.status !== 'draft' ? (
                <button type="button" className="button button--secondary" disabled={action.isPending} onClick={() => action.mutate('share')}>
                  {t('consultations.detail.share')}
                </button>
              ) : null}
            </div>
          ) : null}
          {launched !== null ? (
            <p className="consultation__ok" role="status">
              {t('consultations.detail.launched', { count: launched })}
            </p>
          ) : null}
          {action.isError ? <ErrorAlert error={action.error} /> : null}
          {data.status === 'draft' ? <DraftView consultation={data} /> : <ConsultationResultsView consultation={data} />}
        </>
      ) : null}
    </Page>
  );
}
