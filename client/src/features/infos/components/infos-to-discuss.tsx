import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInfosToDiscuss } from '../api/get-infos';
import { TopicTags } from './topic-chips';
import '../infos.css';

/** The infos flagged "à discuter", for the home page (*Accueil*): at most `limit`, newest first. */
export function InfosToDiscuss({ limit = 5 }: { limit?: number }) {
  const { t } = useTranslation();
  const infos = useInfosToDiscuss();
  const items = infos.data?.items.slice(0, limit) ?? [];
  return (
    <section aria-labelledby="infos-to-discuss-title">
      <h2 id="infos-to-discuss-title">{t('infos.toDiscussTitle')}</h2>
      {infos.data && items.length === 0 ? <p>{t('infos.toDiscussEmpty')}</p> : null}
      <ul className="infos-to-discuss">
        {items.map((info) => (
          <li key={info.id}>
            <Link to={`/veille/${info.id}`}>{info.title}</Link> <TopicTags topics={info.topics} />
          </li>
        ))}
      </ul>
    </section>
  );
}
