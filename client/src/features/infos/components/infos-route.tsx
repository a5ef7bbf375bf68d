import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { canCreateInfos, INFO_SEARCH_MAX_LENGTH } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useInfos } from '../api/get-infos';
import { useLiveInfos } from '../hooks/use-live-infos';
import { filtersFromSearchParams, filtersToSearchParams, type InfoFilters } from '../lib/info-filters';
import { DigestPreferenceField } from './digest-preference-field';
import { InfoCard } from './info-card';
import { InfoFormDialog } from './info-form-dialog';
import { TopicChips } from './topic-chips';
import '../infos.css';

/** The watch (*Veille*): shared news, filtered by topic and searched in French, live. */
export function InfosRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const [search, setSearch] = useState(filters.q ?? '');
  const [creating, setCreating] = useState(false);
  const infos = useInfos(filters);
  useLiveInfos();

  const apply = (next: InfoFilters) => setSearchParams(filtersToSearchParams(next), { replace: true });

  return (
    <Page
      titleId="infos-title"
      title={t('infos.title')}
      intro={t('infos.intro')}
      className="infos-page"
      headerExtra={
        <div className="infos-page__actions">
          {canCreateInfos(user.role) ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('infos.create')}
            </button>
          ) : null}
          <DigestPreferenceField />
        </div>
      }
    >
      <form
        className="infos-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          apply({ ...filters, q: search });
        }}
      >
        <label className="visually-hidden" htmlFor="infos-q">
          {t('infos.filters.search')}
        </label>
        <input
          id="infos-q"
          className="field__input"
          type="search"
          value={search}
          maxLength={INFO_SEARCH_MAX_LENGTH}
          placeholder={t('infos.filters.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('infos.filters.submit')}
        </button>
        <label className="info-form__option">
          <input type="checkbox" checked={filters.toDiscuss ?? false} onChange={(event) => apply({ ...filters, toDiscuss: event.target.checked })} />
          {t('infos.filters.toDiscuss')}
        </label>
      </form>
      <TopicChips selected={filters.topic} onChange={(topic) => apply({ ...filters, topic })} />
      {infos.isPending ? <Loading /> : null}
      {infos.error ? <ErrorAlert error={infos.error} onRetry={() => void infos.refetch()} /> : null}
      {infos.data ? (
        <>
          <p className="infos-page__count" aria-live="polite">
            {t('infos.count', { count: infos.data.total })}
          </p>
          <div className="infos-list">
            {infos.data.items.map((info) => (
              <InfoCard key={info.id} info={info} />
            ))}
          </div>
        </>
      ) : null}
      {creating ? (
        <InfoFormDialog
          onClose={() => setCreating(false)}
          onSaved={(info) => {
            setCreating(false);
            void navigate(`/veille/${info.id}`);
          }}
        />
      ) : null}
    </Page>
  );
}
