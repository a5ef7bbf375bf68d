import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import type { Info } from '../api/get-infos';
import { TopicTags } from './topic-chips';

interface InfoBylineProps {
  info: Info;
  /** On the info's own page the visibility is always named; a list names only public ones and flags attachments. */
  onPage?: boolean;
}

/** Who shared an info and when, then its topics and flags. */
export function InfoByline({ info, onPage = false }: InfoBylineProps) {
  const { t } = useTranslation();
  const isPublic = info.visibility === 'public';
  return (
    <>
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
        {onPage ? (
          <span className={isPublic ? 'badge badge--ok' : 'badge badge--off'}>
            {t(isPublic ? 'infos.visibility.public' : 'infos.visibility.members')}
          </span>
        ) : (
          <>
            {isPublic ? <span className="badge badge--ok">{t('infos.visibility.public')}</span> : null}
            {info.attachment ? <span className="badge badge--off">{t('infos.hasAttachment')}</span> : null}
          </>
        )}
      </div>
    </>
  );
}
