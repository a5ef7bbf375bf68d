import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentStatus } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { formatDate } from '../../../lib/dates';
import { usePublication, useSetPublished } from '../api/publication';

interface DocumentPublicationProps {
  documentId: string;
  status: DocumentStatus;
  /** The secretariat publishes and withdraws; other members only see where the text is. */
  canPublish: boolean;
}

/** On an adopted document: whether it is on the public site, with "Publier" / "Retirer la publication". */
export function DocumentPublication({ documentId, status, canPublish }: DocumentPublicationProps) {
  const { t } = useTranslation();
  const publication = usePublication(documentId);
  const change = useSetPublished(documentId);
  const state = publication.data;
  const adopted = status === 'adopted';
  if (!state || (!adopted && !state.slug)) return null;

  return (
    <section className="meeting-section" aria-labelledby="document-publication-title">
      <h2 id="document-publication-title">{t('publications.title')}</h2>
      {state.published && state.slug ? (
        <>
          <p>{t('publications.publishedOn', { date: formatDate(state.publishedAt ?? '', 'date') })}</p>
          <p>
            <Link to={`/public/${state.slug}`}>{t('publications.viewPublic')}</Link>
          </p>
        </>
      ) : state.withdrawnAt ? (
        <p className="muted">{t('publications.withdrawnOn', { date: formatDate(state.withdrawnAt, 'date') })}</p>
      ) : (
        <p className="muted">{t('publications.notPublished')}</p>
      )}
      {canPublish && adopted ? (
        state.published ? (
          <button
            type="button"
            className="button button--danger-outline"
            disabled={change.isPending}
            onClick={() => {
              if (window.confirm(t('publications.confirmUnpublish'))) change.mutate('unpublish');
            }}
          >
            {t('publications.unpublish')}
          </button>
        ) : (
          <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate('publish')}>
            {state.withdrawnAt ? t('publications.republish') : t('publications.publish')}
          </button>
        )
      ) : null}
      {change.error ? <ErrorAlert error={change.error} /> : null}
    </section>
  );
}
