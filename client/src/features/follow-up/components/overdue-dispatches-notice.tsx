import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../lib/dates';
import { useOverdueDispatches } from '../api/dispatches';
import '../follow-up.css';

/**
 * Texts sent out whose answer is overdue, each linked to its document (on the document list;
 * also ready for the home page). Renders nothing when none is late.
 */
export function OverdueDispatchesNotice() {
  const { t } = useTranslation();
  const overdue = useOverdueDispatches();
  const items = overdue.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="notice notice--info overdue-notice" aria-labelledby="overdue-dispatches-title">
      <h2 id="overdue-dispatches-title" className="overdue-notice__title">
        {t('followUp.overdueCount', { count: items.length })}
      </h2>
      <ul>
        {items.map((dispatch) => (
          <li key={dispatch.id}>
            <Link to={`/documents/${dispatch.documentId}`}>{dispatch.documentTitle}</Link>
            {' — '}
            {t('followUp.overdueLine', { recipient: dispatch.recipient, date: dispatch.sentAt ? formatDay(dispatch.sentAt) : '' })}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/suivi">{t('followUp.seeAll')}</Link>
      </p>
    </section>
  );
}
