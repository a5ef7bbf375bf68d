import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeetingDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useMeeting } from '../api/meetings';

/** The meeting named by the route's `:id`, loading or refused (with a way back to the agenda) until it is read. */
export function MeetingLoader({ children }: { children: (meeting: MeetingDto) => ReactNode }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) {
    return (
      <section className="page">
        <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />
        <p>
          <Link to="/agenda">{t('agenda.meeting.back')}</Link>
        </p>
      </section>
    );
  }
  return children(meeting.data);
}
