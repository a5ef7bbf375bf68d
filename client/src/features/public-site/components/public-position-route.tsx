import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { MarkdownBlock } from '../../../components/text/markdown-block';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiError } from '../../../lib/api/api-error';
import { formatDate } from '../../../lib/dates';
import { publicPdfUrl, usePublicPosition, type PublicPosition } from '../api/public-site';
import { STANCE_KEYS } from '../lib/labels';
import { PublicLayout } from './public-layout';

/** `/public/:slug`: one published position, or the notice that it was withdrawn and when. */
export function PublicPositionRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const position = usePublicPosition(slug);
  useDocumentTitle(position.data?.title ?? t('publicSite.home.title'));

  let content;
  if (position.isPending) content = <Loading />;
  else if (position.error) {
    content =
      isApiError(position.error) && (position.error.status === 404 || position.error.status === 400) ? (
        <>
          <h1 id="public-title" tabIndex={-1}>
            {t('publicSite.position.unknownTitle')}
          </h1>
          <p>{t('publicSite.position.unknown')}</p>
        </>
      ) : (
        <ErrorAlert error={position.error} onRetry={() => void position.refetch()} />
      );
  } else content = <PositionBody position={position.data} />;

  return (
    <PublicLayout>
      <article className="public-page" aria-labelledby="public-title">
        <p className="breadcrumb">
          <Link to="/public">{t('publicSite.position.back')}</Link>
        </p>
        {content}
      </article>
    </PublicLayout>
  );
}

function PositionBody({ position }: { position: PublicPosition }) {
  const { t } = useTranslation();
  const kind = t(`documentKinds.${position.kind}`);
  if (position.withdrawnAt) {
    return (
      <>
        <h1 id="public-title" tabIndex={-1}>
          {position.title}
        </h1>
        <p className="alert public-page__withdrawn" role="status">
          {t('publicSite.position.withdrawn', { date: formatDate(position.withdrawnAt, 'date') })}
        </p>
      </>
    );
  }
  return (
    <>
      <header className="public-page__header">
        <p className="public-page__kicker">{kind}</p>
        <h1 id="public-title" tabIndex={-1}>
          {position.title}
        </h1>
        <p className="public-page__intro">{t('publicSite.position.adoptedOn', { date: formatDate(position.adoptedAt, 'date') })}</p>
        <p>
          <a className="button button--secondary" href={publicPdfUrl(position.slug)}>
            {t('publicSite.position.pdf')}
          </a>
        </p>
      </header>

      <section aria-labelledby="public-text-title" className="public-section">
        <h2 id="public-text-title" className="visually-hidden">
          {t('publicSite.position.text')}
        </h2>
        <MarkdownBlock markdown={position.markdown ?? ''} className="public-page__text" />
      </section>

      <section aria-labelledby="public-stances-title" className="public-section">
        <h2 id="public-stances-title">{t('publicSite.position.stances')}</h2>
        <div className="table-scroll">
          <table className="data-table public-stances">
            <thead>
              <tr>
                <th scope="col">{t('publicSite.position.federation')}</th>
                <th scope="col">{t('publicSite.position.stance')}</th>
                <th scope="col">{t('publicSite.position.reservation')}</th>
              </tr>
            </thead>
            <tbody>
              {position.stances.map((stance) => (
                <tr key={stance.federation}>
                  <th scope="row">{stance.federationName}</th>
                  <td>{t(STANCE_KEYS[stance.stance])}</td>
                  <td className="public-stances__reservation">{stance.reservation ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="public-proof-title" className="public-section public-proof">
        <h2 id="public-proof-title">{t('publicSite.position.proof')}</h2>
        <p>{t('publicSite.position.contentHash')}</p>
        <p>
          <code className="public-site__hash">{position.contentHash}</code>
        </p>
        {position.decisionSeq !== null ? (
          <>
            <p>{t('publicSite.position.decision', { seq: position.decisionSeq })}</p>
            <p>
              <code className="public-site__hash">{position.decisionHash}</code>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}
