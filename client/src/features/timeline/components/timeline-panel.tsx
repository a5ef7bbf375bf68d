import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useLive } from '../../../lib/live/use-live';
import { documentKeys } from '../../../lib/api/query-keys';
import { useTimeline } from '../api/get-timeline';
import { describeEvent } from '../lib/describe-event';
import '../timeline.css';

export function TimelinePanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const timeline = useTimeline(documentId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: documentKeys.timeline(documentId) });
  // Any domain event adds a line: refetch rather than guess how the server groups edits.
  useLive(
    {
      'document.updated': refresh,
      'document.edited': refresh,
      'version.created': refresh,
      'comment.created': refresh,
      'comment.updated': refresh,
      'round.opened': refresh,
      'round.updated': refresh,
      'round.closed': refresh,
    },
    { documentId, onResync: refresh },
  );

  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.data.items.length === 0) return <p className="muted">{t('timeline.empty')}</p>;

  // Newest first: what happened last is what people come to see.
  const items = [...timeline.data.items].reverse();
  return (
    <ol className="timeline" aria-label={t('timeline.label')}>
      {items.map((event) => {
        const { key, values, detail } = describeEvent(event);
        return (
          <li key={event.id} className={`timeline__item timeline__item--${event.type.split('.')[0]}`}>
            <p className="timeline__sentence">
              <strong>{event.actor ? event.actor.displayName : t('timeline.system')}</strong>
              {event.actor?.federation ? (
                <span className="timeline__federation">{event.actor.federation.toUpperCase()}</span>
              ) : null}{' '}
              {t(key, values)}
            </p>
            {detail ? <p className="timeline__detail">{detail}</p> : null}
            <p className="timeline__time">
              <time dateTime={event.at}>{formatDate(event.at)}</time>
              {event.until && event.until !== event.at ? (
                <>
                  {' '}
                  {t('timeline.until')} <time dateTime={event.until}>{formatDate(event.until)}</time>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
