import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AFFILIATIONS, FEDERATION_SLUGS, PROVINCES, type Affiliation, type Province } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { SelectField } from '../../../components/form/select-field';
import { resultsExportUrl, useLiveResults, useResults, type Consultation, type ConsultationResults, type QuestionResult, type ResultsFilter } from '../api/consultations';
import { percent } from '../lib/percent';

const BAR = '#3d5a80';

/** A bar chart and, beside it, the same figures as a table (the landscape page's pattern). */
function CountsPanel({ question }: { question: QuestionResult }) {
  const { t } = useTranslation();
  const data = Object.entries(question.counts ?? {}).map(([label, count]) => ({ label, count }));
  return (
    <div className="results__body">
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(160, data.length * 36)}>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={140} />
            <Tooltip />
            <Bar dataKey="count" name={t('consultations.results.count')} fill={BAR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="data-table">
        <caption className="visually-hidden">{question.label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consultations.results.option')}</th>
            <th scope="col">{t('consultations.results.count')}</th>
            <th scope="col">{t('consultations.results.share')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((datum) => (
            <tr key={datum.label}>
              <th scope="row">{datum.label}</th>
              <td>{datum.count}</td>
              <td>{question.answered ? percent(datum.count / question.answered) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QuestionPanel({ question, index }: { question: QuestionResult; index: number }) {
  const { t } = useTranslation();
  const id = `result-${question.id}`;
  // Anonymous and under 3 respondents: the server sends no figures at all.
  const withheld = question.kind !== 'number' && !question.counts && !question.texts;
  return (
    <section className="results__panel" aria-labelledby={id}>
      <h3 id={id}>
        {index + 1}. {question.label} <span className="data-table__sub">({t(`consultations.kinds.${question.kind}`)})</span>
      </h3>
      <p>{t('consultations.results.answered', { count: question.answered })}</p>
      {withheld ? <p>{t('consultations.results.withheld')}</p> : null}
      {question.mean !== undefined ? <p className="consultation__rate">{t('consultations.results.mean', { mean: question.mean.toLocaleString('fr-BE') })}</p> : null}
      {question.counts ? <CountsPanel question={question} /> : null}
      {question.texts ? (
        question.texts.length ? (
          <ul className="results__texts">
            {question.texts.map((text, position) => (
              <li key={position}>
                {text.text}
                {text.ili ? <span className="data-table__sub"> — {text.ili}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('consultations.results.noText')}</p>
        )
      ) : null}
    </section>
  );
}

function GroupTable({ title, groups, label }: { title: string; groups: ConsultationResults['byProvince']; label: (key: string) => string }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <table className="data-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consultations.results.group')}</th>
          <th scope="col">{t('consultations.results.respondedOf')}</th>
          <th scope="col">{t('consultations.results.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <th scope="row">{label(group.key)}</th>
            {group.hidden ? (
              <td colSpan={2}>{t('consultations.results.hidden')}</td>
            ) : (
              <>
                <td>{t('consultations.results.ofInvited', { responded: group.responded, invited: group.invited })}</td>
                <td>{percent(group.rate)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Response rate (refreshed while open), per group, and per question. */
export function ConsultationResultsView({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ResultsFilter>({});
  const results = useResults(consultation.id, filter);
  useLiveResults(consultation.id, filter, consultation.status === 'open');
  const set = (key: keyof ResultsFilter, value: string) => setFilter((current) => ({ ...current, [key]: value || undefined }));
  const province = (key: string) => t(`ilis.provinces.${key as Province}`);
  const affiliation = (key: string) => t(`ilis.affiliations.${key as Affiliation}`);

  return (
    <div className="results">
      <section className="results__panel" aria-labelledby="results-rate">
        <h2 id="results-rate">{t('consultations.results.rateTitle')}</h2>
        {results.isPending ? <Loading /> : null}
        {results.isError ? <ErrorAlert error={results.error} /> : null}
        {results.data ? (
          <>
            <p className="consultation__rate" aria-live="polite" data-testid="response-rate">
              {results.data.hidden
                ? t('consultations.results.filterHidden')
                : t('consultations.results.overall', { responded: results.data.responded, invited: results.data.invited, rate: percent(results.data.rate) })}
              <progress max={1} value={results.data.rate} aria-hidden="true" />
            </p>
            {consultation.status === 'open' ? <p className="field__hint">{t('consultations.results.live')}</p> : null}
            {consultation.anonymous ? <p className="field__hint">{t('consultations.results.anonymousNote')}</p> : null}
            <div className="results__filters">
              <SelectField label={t('consultations.results.byAffiliation')} placeholder={t('consultations.results.all')} value={filter.affiliation ?? ''} onChange={(event) => set('affiliation', event.target.value)} options={AFFILIATIONS.map((value) => ({ value, label: affiliation(value) }))} />
              <SelectField label={t('consultations.results.byFederation')} placeholder={t('consultations.results.all')} value={filter.federation ?? ''} onChange={(event) => set('federation', event.target.value)} options={FEDERATION_SLUGS.map((value) => ({ value, label: value.toUpperCase() }))} />
              <SelectField label={t('consultations.results.byProvince')} placeholder={t('consultations.results.all')} value={filter.province ?? ''} onChange={(event) => set('province', event.target.value)} options={PROVINCES.map((value) => ({ value, label: province(value) }))} />
            </div>
            <div className="results__body">
              <GroupTable title={t('consultations.results.byFederation')} groups={results.data.byFederation} label={(key) => key.toUpperCase()} />
              <GroupTable title={t('consultations.results.byProvince')} groups={results.data.byProvince} label={province} />
              <GroupTable title={t('consultations.results.byAffiliation')} groups={results.data.byAffiliation} label={affiliation} />
            </div>
            <p>
              {t('consultations.results.export')} <a href={resultsExportUrl(consultation.id, 'xlsx')}>{t('consultations.results.xlsx')}</a> · <a href={resultsExportUrl(consultation.id, 'csv')}>{t('consultations.results.csv')}</a>
            </p>
          </>
        ) : null}
      </section>
      {results.data?.questions.map((question, index) => <QuestionPanel key={question.id} question={question} index={index} />)}
    </div>
  );
}
