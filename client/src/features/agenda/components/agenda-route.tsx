import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { addDays, brusselsDate } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { useCurrentUser } from '../../../lib/session/current-user';
import { formatDay } from '../../../lib/dates';
import { useMeetings } from '../api/meetings';
import { gridRange, isMonth, monthOf, shiftMonth } from '../lib/month-grid';
import { MeetingList } from './meeting-list';
import { MonthView } from './month-view';
import { MyActions } from './my-actions';
import '../agenda.css';

const LIST_DAYS = 180;

export function AgendaRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = searchParams.get('vue') === 'liste' ? 'list' : 'month';
  const requested = searchParams.get('mois');
  const month = isMonth(requested) ? requested : monthOf(brusselsDate());
  const today = brusselsDate();
  const range = view === 'month' ? gridRange(month) : { from: today, to: addDays(today, LIST_DAYS) };
  const meetings = useMeetings(range.from, range.to);

  const go = (next: Record<string, string>) => setSearchParams(new URLSearchParams({ ...(view === 'list' ? { vue: 'liste' } : {}), mois: month, ...next }));

  return (
    <Page titleId="agenda-title" title={t('agenda.title')} intro={t('agenda.intro')} className="agenda-page">
      <div className="agenda-toolbar">
        <div className="agenda-toolbar__group" role="group" aria-label={t('agenda.views.label')}>
          <button type="button" className="button button--small button--secondary" aria-pressed={view === 'month'} onClick={() => setSearchParams(new URLSearchParams({ mois: month }))}>
            {t('agenda.views.month')}
          </button>
          <button type="button" className="button button--small button--secondary" aria-pressed={view === 'list'} onClick={() => setSearchParams(new URLSearchParams({ vue: 'liste' }))}>
            {t('agenda.views.list')}
          </button>
        </div>
        {view === 'month' ? (
          <div className="agenda-toolbar__group">
            <button type="button" className="button button--small button--secondary" onClick={() => go({ mois: shiftMonth(month, -1) })} aria-label={t('agenda.month.previous')}>
              ‹
            </button>
            <h2 className="agenda-month__title">{formatDay(`${month}-01`, 'month')}</h2>
            <button type="button" className="button button--small button--secondary" onClick={() => go({ mois: shiftMonth(month, 1) })} aria-label={t('agenda.month.next')}>
              ›
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => go({ mois: monthOf(today) })}>
              {t('agenda.month.today')}
            </button>
          </div>
        ) : null}
        {user.role !== 'observer' ? (
          <Link className="button button--primary" to="/agenda/nouvelle">
            {t('agenda.newMeeting')}
          </Link>
        ) : null}
      </div>
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : view === 'month' ? (
        <div className="table-scroll">
          <MonthView month={month} meetings={meetings.data.items} />
        </div>
      ) : (
        <section aria-labelledby="agenda-upcoming">
          <h2 id="agenda-upcoming" className="section-title">
            {t('agenda.list.upcoming')}
          </h2>
          <MeetingList meetings={meetings.data.items} empty={t('agenda.list.empty')} />
        </section>
      )}
      <MyActions />
    </Page>
  );
}
