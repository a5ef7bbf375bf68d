import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AFFILIATIONS, FEDERATION_SLUGS, PROVINCES } from '@coupole/shared';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useCurrentUser } from '../../../lib/session/current-user';
import { Pager } from '../../../components/layout/pager';
import { exportUrl, ILI_PAGE_SIZE, useIlis, type IliFilters } from '../api/get-ilis';
import { ImportWizard } from './import-wizard';
import '../ilis.css';

/** The directory: search, filters, a page of ILI at a time, export and import. */
export function IlisDirectory() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<IliFilters>({});
  const [offset, setOffset] = useState(0);
  const [importing, setImporting] = useState(false);
  const query = useIlis({ ...filters, offset });
  const canImport = user.role !== 'observer';

  const setFilter = <K extends keyof IliFilters>(key: K, value: string) => {
    setOffset(0);
    setFilters((current) => ({ ...current, [key]: value || undefined }));
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', draft.trim());
  };

  const total = query.data?.total ?? 0;
  return (
    <div className="ilis">
      <form className="ilis__filters" role="search" onSubmit={search}>
        <TextField label={t('ilis.directory.search')} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} hint={t('ilis.directory.searchHint')} />
        <button type="submit" className="button button--secondary">
          {t('ilis.directory.searchSubmit')}
        </button>
        <SelectField
          label={t('ilis.fields.affiliation')}
          placeholder={t('ilis.directory.all')}
          value={filters.affiliation ?? ''}
          onChange={(event) => setFilter('affiliation', event.target.value)}
          options={AFFILIATIONS.map((value) => ({ value, label: t(`ilis.affiliations.${value}`) }))}
        />
        <SelectField
          label={t('ilis.fields.federation')}
          placeholder={t('ilis.directory.all')}
          value={filters.federation ?? ''}
          onChange={(event) => setFilter('federation', event.target.value)}
          options={FEDERATION_SLUGS.map((value) => ({ value, label: value.toUpperCase() }))}
        />
        <SelectField
          label={t('ilis.fields.province')}
          placeholder={t('ilis.directory.all')}
          value={filters.province ?? ''}
          onChange={(event) => setFilter('province', event.target.value)}
          options={PROVINCES.map((value) => ({ value, label: t(`ilis.provinces.${value}`) }))}
        />
      </form>

      <div className="ilis__actions">
        <p className="ilis__count" role="status">
          {t('ilis.directory.count', { count: total })}
        </p>
        <a className="button button--secondary button--small" href={exportUrl(filters, 'xlsx')} download>
          {t('ilis.directory.exportXlsx')}
        </a>
        <a className="button button--secondary button--small" href={exportUrl(filters, 'csv')} download>
          {t('ilis.directory.exportCsv')}
        </a>
        {canImport ? (
          <button type="button" className="button button--primary button--small" onClick={() => setImporting(true)}>
            {t('ilis.directory.import')}
          </button>
        ) : null}
      </div>

      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('ilis.directory.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ilis.fields.name')}</th>
                <th scope="col">{t('ilis.fields.commune')}</th>
                <th scope="col">{t('ilis.fields.province')}</th>
                <th scope="col">{t('ilis.fields.affiliation')}</th>
                <th scope="col">{t('ilis.fields.contact')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((ili) => (
                <tr key={ili.id}>
                  <th scope="row" className="data-table__name">
                    {ili.name}
                    {ili.active ? null : <span className="data-table__sub"> {t('ilis.directory.inactive')}</span>}
                  </th>
                  <td>
                    {ili.postalCode} {ili.commune}
                  </td>
                  <td>{t(`ilis.provinces.${ili.province}`)}</td>
                  <td>{ili.federation ? ili.federation.toUpperCase() : t(`ilis.affiliations.${ili.affiliation}`)}</td>
                  <td>
                    {ili.email ? <a href={`mailto:${ili.email}`}>{ili.email}</a> : null}
                    {ili.phone ? <span className="data-table__sub"> {ili.phone}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <Pager
        offset={offset}
        pageSize={ILI_PAGE_SIZE}
        total={total}
        onChange={setOffset}
        labels={{
          nav: t('ilis.directory.pages'),
          previous: t('ilis.directory.previous'),
          next: t('ilis.directory.next'),
          range: t('ilis.directory.range', { from: offset + 1, to: Math.min(offset + ILI_PAGE_SIZE, total), total }),
        }}
      />

      {importing ? <ImportWizard onClose={() => setImporting(false)} /> : null}
    </div>
  );
}
