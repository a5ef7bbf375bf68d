import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { MarkdownBlock } from '../../../components/text/markdown-block';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { formatDate } from '../../../lib/dates';
import { publicAttachmentUrl, usePublicInfos, usePublicPositions, type PublicInfo } from '../api/public-site';
import { TOPIC_KEYS } from '../../../lib/info-topics';
import { PublicLayout } from './public-layout';

/** `/public`: the published positions and the public infos, readable without an account. */
export function PublicHomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('publicSite.home.title'));
  const positions = usePublicPositions();
  const infos = usePublicInfos();

  return (
    <PublicLayout>
      <section className="public-page" aria-labelledby="public-title">
        <header className="public-page__header">
          <h1 id="public-title" tabIndex={-1}>
            {t('publicSite.home.title')}
          </h1>
          <p className="public-page__intro">{t('publicSite.home.intro')}</p>
        </header>

        <section aria-labelledby="public-positions-title" className="public-section">
          <h2 id="public-positions-title">{t('publicSite.home.positions')}</h2>
          {positions.isPending ? <Loading /> : null}
          {positions.error ? <ErrorAlert error={positions.error} onRetry={() => void positions.refetch()} /> : null}
          {positions.data?.items.length === 0 ? <p className="muted">{t('publicSite.home.noPositions')}</p> : null}
          <ul className="public-list">
            {positions.data?.items.map((position) => (
              <li key={position.slug} className="public-card">
                <h3 className="public-card__title">
                  <Link to={`/public/${position.slug}`}>{position.title}</Link>
                </h3>
                <p className="public-card__meta">
                  {t('publicSite.position.meta', { kind: t(`documentKinds.${position.kind}`), date: formatDate(position.adoptedAt, 'date') })}
                </p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="informations" className="public-section">
          <h2 id="informations">{t('publicSite.home.infos')}</h2>
          {infos.isPending ? <Loading /> : null}
          {infos.error ? <ErrorAlert error={infos.error} onRetry={() => void infos.refetch()} /> : null}
          {infos.data?.items.length === 0 ? <p className="muted">{t('publicSite.home.noInfos')}</p> : null}
          <div className="public-list">
            {infos.data?.items.map((info) => <PublicInfoArticle key={info.id} info={info} />)}
          </div>
        </section>
      </section>
    </PublicLayout>
  );
}

function PublicInfoArticle({ info }: { info: PublicInfo }) {
  const { t } = useTranslation();
  const titleId = `info-${info.id}-title`;
  return (
    <article id={`info-${info.id}`} className="public-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="public-card__title">
        {info.title}
      </h3>
      <p className="public-card__meta">
        {t('publicSite.info.meta', {
          federation: info.federation ? info.federation.toUpperCase() : t('publicSite.info.secretariat'),
          date: formatDate(info.publishedAt, 'date'),
        })}
      </p>
      <ul className="public-card__topics" aria-label={t('publicSite.info.topics')}>
        {info.topics.map((topic) => (
          <li key={topic} className="badge">
            {t(TOPIC_KEYS[topic])}
          </li>
        ))}
      </ul>
      <MarkdownBlock markdown={info.body} className="public-card__body" />
      {info.sourceUrl ? (
        <p>
          {t('publicSite.info.source')}{' '}
          <a href={info.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
            {info.sourceUrl}
          </a>
        </p>
      ) : null}
      {info.hasAttachment ? (
        <p>
          <a className="button button--secondary button--small" href={publicAttachmentUrl(info.id)}>
            {t('publicSite.info.attachment')}
          </a>
        </p>
      ) : null}
    </article>
  );
}
