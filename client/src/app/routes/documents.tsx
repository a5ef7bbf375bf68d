import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { canCreateDocuments } from '@coupole/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../lib/session/current-user';
import { CreateDocumentDialog } from '../../features/documents/components/create-document-dialog';
import { DocumentsList } from '../../features/documents/components/documents-list';
import {
  filtersFromSearchParams,
  filtersToQueryString,
  type DocumentFilters,
} from '../../features/documents/lib/document-filters';
import { overdueDispatchesQueryOptions } from '../../features/follow-up/api/dispatches';
import { OverdueDispatchesNotice } from '../../features/follow-up/components/overdue-dispatches-notice';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function DocumentsRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = filtersFromSearchParams(searchParams);
  useDocumentTitle(t('documents.title'));
  // Observers do not follow dispatches (the API refuses them): no flag for them.
  const overdue = useQuery({ ...overdueDispatchesQueryOptions(), enabled: user.role !== 'observer' });
  const overdueDocumentIds = useMemo(() => new Set(overdue.data?.items.map((dispatch) => dispatch.documentId)), [overdue.data]);

  const handleFiltersChange = useCallback(
    (next: DocumentFilters) => setSearchParams(new URLSearchParams(filtersToQueryString(next)), { replace: true }),
    [setSearchParams],
  );

  return (
    <section className="page" aria-labelledby="documents-title">
      <header className="page__header page__header--actions">
        <div>
          <h1 id="documents-title" className="page__title" tabIndex={-1}>
            {t('documents.title')}
          </h1>
          <p className="page__intro">{t('documents.intro')}</p>
        </div>
        {canCreateDocuments(user.role) ? (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('documents.create.open')}
          </button>
        ) : null}
      </header>
      {user.role === 'observer' ? null : <OverdueDispatchesNotice />}
      <DocumentsList filters={filters} onFiltersChange={handleFiltersChange} overdueDocumentIds={overdueDocumentIds} />
      {creating ? (
        <CreateDocumentDialog
          onClose={() => setCreating(false)}
          onCreated={(document) => void navigate(`/documents/${document.id}`)}
        />
      ) : null}
    </section>
  );
}
