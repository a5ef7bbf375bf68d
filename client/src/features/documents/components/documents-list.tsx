import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useDocuments } from '../api/get-documents';
import { useLiveDocuments } from '../hooks/use-live-documents';
import type { DocumentFilters } from '../lib/document-filters';
import { DocumentFiltersForm } from './document-filters-form';
import { DocumentsTable } from './documents-table';
import '../documents.css';

interface DocumentsListProps {
  filters: DocumentFilters;
  onFiltersChange: (filters: DocumentFilters) => void;
  /** Texts sent out whose answer is overdue (flagged in their row). */
  overdueDocumentIds?: ReadonlySet<string>;
}

export function DocumentsList({ filters, onFiltersChange, overdueDocumentIds }: DocumentsListProps) {
  const { t } = useTranslation();
  const documents = useDocuments(filters);
  const editors = useLiveDocuments();
  const filtered = Boolean(filters.q || filters.kind || filters.status || filters.archived);

  return (
    <div className="documents">
      <DocumentFiltersForm filters={filters} onChange={onFiltersChange} />
      {documents.isPending ? <Loading /> : null}
      {documents.isError ? <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} /> : null}
      {documents.data ? (
        <>
          <p className="documents__count" role="status">
            {filters.archived ? t('documents.list.archivedCount', { count: documents.data.total }) : t('documents.list.count', { count: documents.data.total })}
          </p>
          {documents.data.items.length === 0 ? (
            <p className="muted">{filtered ? t('documents.list.noMatch') : t('documents.list.empty')}</p>
          ) : (
            <DocumentsTable documents={documents.data.items} editors={editors} overdueDocumentIds={overdueDocumentIds} />
          )}
        </>
      ) : null}
    </div>
  );
}
