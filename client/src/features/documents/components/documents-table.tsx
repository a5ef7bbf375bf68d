import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PresenceEntry } from '@coupole/shared';
import type { DocumentListItem } from '../api/get-documents';
import { formatDate } from '../../../lib/dates';

interface DocumentsTableProps {
  documents: DocumentListItem[];
  editors: Record<string, PresenceEntry[]>;
  overdueDocumentIds?: ReadonlySet<string>;
}

export function DocumentsTable({ documents, editors, overdueDocumentIds }: DocumentsTableProps) {
  const { t } = useTranslation();
  return (
    <div className="documents-table">
      <table className="data-table">
        <caption className="visually-hidden">{t('documents.list.caption', { count: documents.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.list.title')}</th>
            <th scope="col">{t('documents.list.kind')}</th>
            <th scope="col">{t('documents.list.status')}</th>
            <th scope="col">{t('documents.list.lastChange')}</th>
            <th scope="col">{t('documents.list.editing')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const editing = editors[document.id] ?? document.editors ?? [];
            return (
              <tr key={document.id}>
                <th scope="row" data-label={t('documents.list.title')}>
                  <Link to={`/documents/${document.id}`} className="documents-table__title">
                    {document.title}
                  </Link>
                </th>
                <td data-label={t('documents.list.kind')}>{t(`documentKinds.${document.kind}`)}</td>
                <td data-label={t('documents.list.status')}>
                  <span className={`status-badge status-badge--${document.status}`}>{t(`documentStatuses.${document.status}`)}</span>
                  {document.archivedAt ? (
                    <>
                      {' '}
                      <span className="badge badge--off">{t('documents.archive.badge')}</span>
                    </>
                  ) : null}
                  {overdueDocumentIds?.has(document.id) ? (
                    <>
                      {' '}
                      <Link to="/suivi" className="badge badge--danger" title={t('documents.list.answerOverdueHint')}>
                        {t('documents.list.answerOverdue')}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td data-label={t('documents.list.lastChange')}>
                  <time dateTime={document.lastEditedAt ?? document.updatedAt}>
                    {formatDate(document.lastEditedAt ?? document.updatedAt)}
                  </time>
                </td>
                <td data-label={t('documents.list.editing')}>
                  {editing.length === 0 ? (
                    <span className="muted">{t('documents.list.nobody')}</span>
                  ) : (
                    <span className="documents-table__editing">
                      {editing
                        .map((entry) =>
                          entry.federation ? `${entry.displayName} (${entry.federation.toUpperCase()})` : entry.displayName,
                        )
                        .join(', ')}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
