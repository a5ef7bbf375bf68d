import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummaryDto } from '@coupole/shared';
import { MeetingWhen } from './meeting-when';

export function MeetingList({ meetings, empty }: { meetings: MeetingSummaryDto[]; empty: string }) {
  const { t } = useTranslation();
  if (meetings.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="meeting-item">
          <p className="meeting-item__when">
            <MeetingWhen meeting={meeting} />
          </p>
          <div>
            <h3 className="meeting-item__title">
              <Link to={`/agenda/${meeting.id}`}>{meeting.title}</Link>
            </h3>
            <p className="meeting-item__meta">
              <span className="tag-kind">{t(`agenda.kinds.${meeting.kind}`)}</span>
              {meeting.status === 'cancelled' ? <span className="badge badge--off">{t('agenda.cancelled')}</span> : null}
              {meeting.body ? <span>{meeting.body.name}</span> : null}
              {meeting.place ? <span>{meeting.place}</span> : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
