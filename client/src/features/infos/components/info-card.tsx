import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/dates';
import type { Info } from '../api/get-infos';
import { TopicTags } from './topic-chips';

/** One info in a list: title (link), who shared it and when, topics, flags. */
export function InfoCard({ info }: { info: Info }) {
  const { t } = useTranslation();
  return (
    <article className="info-card" aria-labelledby={`info-${info.id}`}>
      <h2 id={`info-${info.id}`} className="info-card__title">
        <Link to={`/veille/${info.id}`}>{info.title}</Link>
      </h2>
      <p className="info-card__meta">
        {t('infos.sharedBy', {
          name: info.author.displayName,
          federation: info.federation ? info.federation.toUpperCase() : t('infos.secretariat'),
          date: formatDate(info.createdAt),
        })}
      </p>
      <div className="info-card__tags">
        <TopicTags topics={info.topics} />
        {info.toDiscuss ? <span className="badge badge--warn">{t('infos.toDiscuss')}</span> : null}
        {info.visibility === 'public' ? <span className="badge badge--ok">{t('infos.visibility.public')}</span> : null}
        {info.attachment ? <span className="badge badge--off">{t('infos.hasAttachment')}</span> : null}
      </div>
    </article>
  );
}
