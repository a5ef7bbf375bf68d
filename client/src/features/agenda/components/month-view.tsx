import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { brusselsDate, type MeetingSummaryDto } from '@coupole/shared';
import { formatDate, formatDay } from '../../../lib/dates';
import { monthGrid } from '../lib/month-grid';

const SHOWN_PER_DAY = 3;

/** A month as a table of weeks (Monday first); each day lists its meetings at their Brussels time. */
export function MonthView({ month, meetings }: { month: string; meetings: MeetingSummaryDto[] }) {
  const { t } = useTranslation();
  const today = brusselsDate();
  const byDay = new Map<string, MeetingSummaryDto[]>();
  for (const meeting of meetings) {
    const day = meeting.start.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
  }
  const weekdays = t('agenda.month.weekdays').split(',');
  return (
    <table className="month-grid" aria-label={formatDay(`${month}-01`, 'month')}>
      <thead>
        <tr>
          {weekdays.map((day) => (
            <th key={day} scope="col">
              {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week) => (
          <tr key={week[0].date}>
            {week.map((day) => {
              const events = byDay.get(day.date) ?? [];
              const classes = ['month-grid__day', day.inMonth ? '' : 'month-grid__day--outside', day.date === today ? 'month-grid__day--today' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <td key={day.date} className={classes}>
                  <span className="month-grid__number" aria-label={formatDay(day.date)}>
                    {Number(day.date.slice(8))}
                  </span>
                  {events.length > 0 ? (
                    <ul className="month-grid__events">
                      {events.slice(0, SHOWN_PER_DAY).map((meeting) => (
                        <li
                          key={meeting.id}
                          className={`month-grid__event month-grid__event--${meeting.kind}${meeting.status === 'cancelled' ? ' month-grid__event--cancelled' : ''}`}
                        >
                          <Link to={`/agenda/${meeting.id}`} title={meeting.title}>
                            {formatDate(meeting.startsAt, 'time')} {meeting.title}
                          </Link>
                        </li>
                      ))}
                      {events.length > SHOWN_PER_DAY ? <li className="muted">{t('agenda.month.more', { count: events.length - SHOWN_PER_DAY })}</li> : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
