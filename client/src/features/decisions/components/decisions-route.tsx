import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { formatDate } from '../../../lib/dates';
import { useDecisions } from '../api/get-decisions';
import { decisionQueryString, filtersFromSearchParams, filtersToQuery, type DecisionFilters } from '../lib/decision-filters';
import { DecisionFiltersForm } from './decision-filters-form';
import { IntegrityBadge } from './integrity-badge';
import { OutcomeTag } from '../../../components/consensus/consensus-tags';
import '../decisions.css';

export function DecisionsRoute() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const query = filtersToQuery(filters);
  const decisions = useDecisions(query);

  const handleFiltersChange = useCallback(
    (next: DecisionFilters) => setSearchParams(new URLSearchParams(decisionQueryString(filtersToQuery(next))), { replace: true }),
    [setSearchParams],
  );

  return (
    <Page
      titleId="decisions-title"
      title={t('decisions.title')}
      intro={t('decisions.intro')}
      className="decisions-page"
      headerExtra={<IntegrityBadge />}
    >
      <DecisionFiltersForm filters={filters} onChange={handleFiltersChange} />
      {decisions.isPending ? (
        <Loading />
      ) : decisions.isError ? (
        <ErrorAlert error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : (
        <>
          <p className="decisions__count" role="status">
            {t('decisions.list.count', { count: decisions.data.total })}
          </p>
          {decisions.data.items.length === 0 ? (
            <p className="muted">{Object.keys(query).length > 0 ? t('decisions.list.noMatch') : t('decisions.list.empty')}</p>
          ) : (
            <ol className="decision-list" aria-busy={decisions.isFetching}>
              {decisions.data.items.map((decision) => (
                <li key={decision.seq} className="decision-item">
                  <p className="decision-item__seq">{t('decisions.list.seq', { seq: decision.seq })}</p>
                  <div className="decision-item__main">
                    <h2 className="decision-item__title">
                      <Link to={`/decisions/${decision.seq}`}>{decision.documentTitle}</Link>
                    </h2>
                    <p className="decision-item__question">{decision.question}</p>
                    <p className="decision-item__meta">
                      <OutcomeTag outcome={decision.outcome} />
                      <span>{t(`documentKinds.${decision.documentKind}`)}</span>
                      <span>{t('decisions.list.round', { number: decision.roundNumber, version: decision.version })}</span>
                      <time dateTime={decision.closedAt}>{formatDate(decision.closedAt)}</time>
                    </p>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Page>
  );
}
