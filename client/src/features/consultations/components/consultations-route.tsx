import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/layout/page';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useConsultations } from '../api/consultations';
import { percent } from '../lib/percent';
import '../consultations.css';

/** The consultations the member may see, newest first. */
export function ConsultationsRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useConsultations();
  return (
    <Page titleId="consultations-title" title={t('consultations.list.title')} intro={t('consultations.list.intro')}>
      {user.role !== 'observer' ? (
        <div className="consultations__actions">
          <Link className="button button--primary" to="/consultations/nouvelle">
            {t('consultations.list.new')}
          </Link>
        </div>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? <p>{t('consultations.list.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('consultations.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultations.fields.title')}</th>
              <th scope="col">{t('consultations.fields.askedBy')}</th>
              <th scope="col">{t('consultations.fields.status')}</th>
              <th scope="col">{t('consultations.fields.closesAt')}</th>
              <th scope="col">{t('consultations.fields.responses')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((consultation) => (
              <tr key={consultation.id}>
                <th scope="row">
                  <Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link>
                  {consultation.series ? <span className="data-table__sub"> · {consultation.series}</span> : null}
                </th>
                <td>{consultation.federation ? consultation.federation.toUpperCase() : t('consultations.coupole')}</td>
                <td>
                  <span className={`badge${consultation.status === 'open' ? ' badge--ok' : consultation.status === 'closed' ? ' badge--off' : ''}`}>{t(`consultations.status.${consultation.status}`)}</span>
                </td>
                <td>
                  <time dateTime={consultation.closesAt}>{formatDate(consultation.closesAt)}</time>
                </td>
                <td>
                  {consultation.status === 'draft'
                    ? '—'
                    : t('consultations.list.responses', { responded: consultation.responded, invited: consultation.invited, rate: percent(consultation.invited ? consultation.responded / consultation.invited : 0) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
