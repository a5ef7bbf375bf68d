import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '@coupole/shared';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import type { DocumentFilters } from '../lib/document-filters';

interface DocumentFiltersFormProps {
  filters: DocumentFilters;
  onChange: (filters: DocumentFilters) => void;
}

const SEARCH_DELAY_MS = 300;

export function DocumentFiltersForm({ filters, onChange }: DocumentFiltersFormProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  // Ticked at once: the list's navigation is a transition, and a controlled box that waited for
  // it would spring back unticked until the archived documents have loaded.
  const [archived, setArchived] = useState(filters.archived === 'true');
  useEffect(() => setArchived(filters.archived === 'true'), [filters.archived]);

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    if ((filters.q ?? '') === q.trim()) return;
    const timer = setTimeout(() => onChange({ ...filters, q: q.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <form className="document-filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <TextField
        label={t('documents.filters.search')}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      <SelectField
        label={t('documents.filters.status')}
        placeholder={t('documents.filters.allStatuses')}
        value={filters.status ?? ''}
        options={DOCUMENT_STATUSES.map((status) => ({ value: status, label: t(`documentStatuses.${status}`) }))}
        onChange={(event) =>
          onChange({ ...filters, status: (event.target.value || undefined) as DocumentFilters['status'] })
        }
      />
      <SelectField
        label={t('documents.filters.kind')}
        placeholder={t('documents.filters.allKinds')}
        value={filters.kind ?? ''}
        options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`documentKinds.${kind}`) }))}
        onChange={(event) => onChange({ ...filters, kind: (event.target.value || undefined) as DocumentFilters['kind'] })}
      />
      <label className="document-filters__archived">
        <input
          type="checkbox"
          checked={archived}
          onChange={(event) => {
            setArchived(event.target.checked);
            onChange({ ...filters, archived: event.target.checked ? 'true' : undefined });
          }}
        />
        {t('documents.filters.archived')}
      </label>
    </form>
  );
}
