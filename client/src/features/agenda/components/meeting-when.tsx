import { useTranslation } from 'react-i18next';
import type { MeetingSummaryDto } from '@coupole/shared';
import { formatDate } from '../../../lib/dates';

/** "mardi 29 mars 2027, 10:00 – 12:30", read in Brussels time. */
export function MeetingWhen({ meeting }: { meeting: Pick<MeetingSummaryDto, 'startsAt' | 'endsAt'> }) {
  const { t } = useTranslation();
  const sameDay = formatDate(meeting.startsAt, 'date') === formatDate(meeting.endsAt, 'date');
  return (
    <time dateTime={meeting.startsAt}>
      {formatDate(meeting.startsAt, 'weekdayDate')},{' '}
      {t('agenda.time', {
        start: formatDate(meeting.startsAt, 'time'),
        end: sameDay ? formatDate(meeting.endsAt, 'time') : formatDate(meeting.endsAt, 'dateTime'),
      })}
    </time>
  );
}
