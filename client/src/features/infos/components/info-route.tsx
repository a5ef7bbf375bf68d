import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { MarkdownBlock } from '../../../components/text/markdown-block';
import { formatDate } from '../../../lib/dates';
import { useInfo } from '../api/get-info';
import { useDeleteInfo, useInfoToNote, useSetInfoVisibility } from '../api/save-info';
import { useLiveInfos } from '../hooks/use-live-infos';
import { InfoComments } from './info-comments';
import { InfoFormDialog } from './info-form-dialog';
import { TopicTags } from './topic-chips';
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

  return (
    <Page titleId="info-title" title={data.title} className="info-page">
      <p>
        <Link to="/veille">{t('infos.backToList')}</Link>
      </p>
      <p className="info-card__meta">
        {t('infos.sharedBy', {
          name: data.author.displayName,
          federation: data.federation ? data.federation.toUpperCase() : t('infos.secretariat'),
          date: formatDate(data.createdAt),
        })}
      </p>
      <div className="info-card__tags">
        <TopicTags topics={data.topics} />
        {data.toDiscuss ? <span className="badge badge--warn">{t('infos.toDiscuss')}</span> : null}
        <span className={data.visibility === 'public' ? 'badge badge--ok' : 'badge badge--off'}>
          {t(data.visibility === 'public' ? 'infos.visibility.public' : 'infos.visibility.members')}
        </span>
      </div>
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
            {data.visibility === 'public' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={visibility.isPending}
                onClick={() => visibility.mutate({ id: data.id, visibility: 'members' })}
              >
                {t('infos.makeMembersOnly')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={visibility.isPending}
                onClick={() => {
                  if (window.confirm(t('infos.confirmMakePublic'))) visibility.mutate({ id: data.id, visibility: 'public' });
                }}
              >
                {t('infos.makePublic')}
              </button>
            )}
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
