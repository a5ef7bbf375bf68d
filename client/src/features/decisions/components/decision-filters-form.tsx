import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_SEARCH_MAX_LENGTH, DOCUMENT_KINDS, FEDERATION_SLUGS, OUTCOME_INFO, ROUND_OUTCOMES, type DocumentKind } from '@coupole/shared';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { useFederations } from '../../../lib/api/federations';
import { EMPTY_DECISION_FILTERS, type DecisionFilters } from '../lib/decision-filters';
import { DateField } from '../../../components/form/date-field';

const SEARCH_DELAY_MS = 300;

interface DecisionFiltersFormProps {
  filters: DecisionFilters;
  onChange: (filters: DecisionFilters) => void;
}

export function DecisionFiltersForm({ filters, onChange }: DecisionFiltersFormProps) {
  const { t } = useTranslation();
  const federations = useFederations();
  const [q, setQ] = useState(filters.q);

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    if (filters.q === q.trim()) return;
    const timer = setTimeout(() => onChange({ ...filters, q: q.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = <K extends keyof DecisionFilters>(key: K, value: string) => onChange({ ...filters, [key]: value });
  const active = Object.entries(filters).some(([key, value]) => key !== 'q' && value !== '');

  return (
    <form className="decision-filters" role="search" aria-label={t('decisions.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="decision-filters__search">
        <TextField
          label={t('decisions.filters.search')}
          hint={t('decisions.filters.searchHint')}
          type="search"
          maxLength={DECISION_SEARCH_MAX_LENGTH}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <SelectField
        label={t('decisions.filters.kind')}
        placeholder={t('decisions.filters.any')}
        value={filters.kind}
        options={DOCUMENT_KINDS.map((kind: DocumentKind) => ({ value: kind, label: t(`documentKinds.${kind}`) }))}
        onChange={(event) => set('kind', event.target.value)}
      />
      <SelectField
        label={t('decisions.filters.outcome')}
        placeholder={t('decisions.filters.any')}
        value={filters.outcome}
        options={ROUND_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_INFO[outcome].label }))}
        onChange={(event) => set('outcome', event.target.value)}
      />
      <SelectField
        label={t('decisions.filters.federation')}
        placeholder={t('decisions.filters.anyFederation')}
        value={filters.federation}
        options={FEDERATION_SLUGS.map((slug) => ({
          value: slug,
          label: federations.data?.items.find((federation) => federation.slug === slug)?.name ?? slug.toUpperCase(),
        }))}
        onChange={(event) => set('federation', event.target.value)}
      />
      <DateField label={t('decisions.filters.from')} hint="" value={filters.from} max={filters.to || undefined} onValueChange={(day) => set('from', day)} />
      <DateField label={t('decisions.filters.to')} hint="" value={filters.to} min={filters.from || undefined} onValueChange={(day) => set('to', day)} />
      {active || q ? (
        <div className="decision-filters__reset">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setQ('');
              onChange(EMPTY_DECISION_FILTERS);
            }}
          >
            {t('decisions.filters.reset')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
