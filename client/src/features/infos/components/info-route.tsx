import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { MarkdownBlock } from '../../../components/text/markdown-block';
import { useInfo } from '../api/get-info';
import { useDeleteInfo, useInfoToNote, useSetInfoVisibility } from '../api/save-info';
import { useLiveInfos } from '../hooks/use-live-infos';
import { InfoComments } from './info-comments';
import { InfoByline } from './info-byline';
import { InfoFormDialog } from './info-form-dialog';
import '../infos.css';

export function InfoRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const info = useInfo(id);
  const remove = useDeleteInfo();
  const toNote = useInfoToNote();
  const visibility = useSetInfoVisibility();
  const [editing, setEditing] = useState(false);
  useLiveInfos();

  if (info.isPending) return <Loading />;
  if (info.error) return <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />;
  const data = info.data;
  const makesPublic = data.visibility !== 'public';

  return (
    <Page titleId="info-title" title={data.title} className="info-page">
      <p>
        <Link to="/veille">{t('infos.backToList')}</Link>
      </p>
      <InfoByline info={data} onPage />
      <MarkdownBlock markdown={data.body} className="info-page__body" />
      {data.sourceUrl ? (
        <p>
          {t('infos.source')}{' '}
          <a href={data.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
            {data.sourceUrl}
          </a>
        </p>
      ) : null}
      {data.attachment ? (
        <p>
          <a className="button button--secondary button--small" href={`/api/infos/${data.id}/attachment`} download={data.attachment.fileName}>
            {t('infos.download', { name: data.attachment.fileName, size: Math.max(1, Math.round(data.attachment.size / 1024)) })}
          </a>
        </p>
      ) : null}
      <div className="info-page__actions">
        {data.permissions.comment ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={toNote.isPending}
            onClick={() => toNote.mutate(data.id, { onSuccess: (document) => void navigate(`/documents/${document.id}`) })}
          >
            {t('infos.toNote')}
          </button>
        ) : null}
        {data.permissions.edit ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('infos.edit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={visibility.isPending}
              onClick={() => {
                // Making an info public asks first; taking it back to members does not.
                if (!makesPublic || window.confirm(t('infos.confirmMakePublic'))) visibility.mutate({ id: data.id, visibility: makesPublic ? 'public' : 'members' });
              }}
            >
              {makesPublic ? t('infos.makePublic') : t('infos.makeMembersOnly')}
            </button>
            <button
              type="button"
              className="button button--danger-outline"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('infos.confirmDelete'))) remove.mutate(data.id, { onSuccess: () => void navigate('/veille') });
              }}
            >
              {t('infos.delete')}
            </button>
          </>
        ) : null}
      </div>
      {toNote.error ? <ErrorAlert error={toNote.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {visibility.error ? <ErrorAlert error={visibility.error} /> : null}
      <InfoComments infoId={data.id} canComment={data.permissions.comment} />
      {editing ? <InfoFormDialog info={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
    </Page>
  );
}
