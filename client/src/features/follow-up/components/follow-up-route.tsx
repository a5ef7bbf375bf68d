import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useOpenDispatches } from '../api/dispatches';
import { DispatchItem } from './dispatch-item';
import '../follow-up.css';

/** *Suivi*: every dispatch still to send or awaiting an answer, overdue ones first. */
export function FollowUpRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const dispatches = useOpenDispatches();
  const canEdit = user.role === 'admin' || user.role === 'facilitator';
  const items = [...(dispatches.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const overdue = items.filter((dispatch) => dispatch.overdue).length;

  return (
    <Page titleId="follow-up-title" title={t('followUp.title')} intro={t('followUp.intro')}>
      {dispatches.isPending ? (
        <Loading />
      ) : dispatches.isError ? (
        <ErrorAlert error={dispatches.error} onRetry={() => void dispatches.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('followUp.empty')}</p>
      ) : (
        <>
          <p role="status">{overdue > 0 ? <span className="badge badge--danger">{t('followUp.overdueCount', { count: overdue })}</span> : null}</p>
          <ul className="dispatch-list">
            {items.map((dispatch) => (
              <DispatchItem key={dispatch.id} dispatch={dispatch} canEdit={canEdit} showDocument />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
