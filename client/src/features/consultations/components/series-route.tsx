import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Page } from '../../../components/layout/page';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useSeries, type Series } from '../api/consultations';
import { percent } from '../lib/percent';
import '../consultations.css';

type Trend = Series['trends'][number];

/** One question across editions: a line of means (scale, number) or a table of counts, always a table. */
function TrendPanel({ trend, index, titles }: { trend: Trend; index: number; titles: Map<string, string> }) {
  const { t } = useTranslation();
  const id = `trend-${index}`;
  const withMean = trend.points.some((point) => point.mean !== undefined);
  const options = [...new Set(trend.points.flatMap((point) => Object.keys(point.counts ?? {})))];
  // Short x labels (the edition's month): full titles would overlap; the table names them.
  const data = trend.points.map((point) => ({ edition: formatDate(point.closesAt, 'month'), mean: point.mean }));
  return (
    <section className="results__panel" aria-labelledby={id}>
      <h2 id={id}>
        {trend.label} <span className="data-table__sub">({t(`consultations.kinds.${trend.kind}`)})</span>
      </h2>
      <div className="results__body">
        {withMean ? (
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={data} margin={{ left: 8, right: 24, top: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="edition" />
                <YAxis domain={trend.kind === 'scale' ? [1, 5] : ['auto', 'auto']} />
                <Tooltip />
                <Line type="monotone" dataKey="mean" name={t('consultations.series.mean')} stroke="#3d5a80" strokeWidth={2} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        ) : null}
        <table className="data-table">
          <caption className="visually-hidden">{trend.label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultations.series.edition')}</th>
              <th scope="col">{t('consultations.series.answered')}</th>
              {withMean ? <th scope="col">{t('consultations.series.mean')}</th> : null}
              {!withMean && trend.kind !== 'text'
                ? options.map((option) => (
                    <th key={option} scope="col">
                      {option}
                    </th>
                  ))
                : null}
            </tr>
          </thead>
          <tbody>
            {trend.points.map((point) => (
              <tr key={point.consultationId}>
                <th scope="row">
                  <Link to={`/consultations/${point.consultationId}`}>{titles.get(point.consultationId)}</Link>
                </th>
                <td>{point.answered}</td>
                {withMean ? <td>{point.mean?.toLocaleString('fr-BE') ?? '—'}</td> : null}
                {!withMean && trend.kind !== 'text'
                  ? options.map((option) => <td key={option}>{point.counts ? `${point.counts[option] ?? 0} (${point.answered ? percent((point.counts[option] ?? 0) / point.answered) : '—'})` : '—'}</td>)
                  : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The barometer: each question's trend across the series' editions. */
export function SeriesRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const series = useSeries(slug);
  const titles = new Map(series.data?.editions.map((edition) => [edition.consultationId, edition.title]));
  return (
    <Page titleId="series-title" title={t('consultations.series.title', { slug })} intro={t('consultations.series.intro')} headerExtra={<Link to="/consultations">{t('consultations.detail.back')}</Link>}>
      {series.isPending ? <Loading /> : null}
      {series.isError ? <ErrorAlert error={series.error} /> : null}
      {series.data ? (
        <div className="results">
          <table className="data-table">
            <caption>{t('consultations.series.editions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.series.edition')}</th>
                <th scope="col">{t('consultations.fields.closesAt')}</th>
                <th scope="col">{t('consultations.fields.responses')}</th>
              </tr>
            </thead>
            <tbody>
              {series.data.editions.map((edition) => (
                <tr key={edition.consultationId}>
                  <th scope="row">
                    <Link to={`/consultations/${edition.consultationId}`}>{edition.title}</Link>
                  </th>
                  <td>{formatDate(edition.closesAt, 'date')}</td>
                  <td>{t('consultations.results.ofInvited', { responded: edition.responded, invited: edition.invited })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {series.data.trends
            .filter((trend) => trend.kind !== 'text')
            .map((trend, index) => (
              <TrendPanel key={`${trend.kind}-${trend.label}`} trend={trend} index={index} titles={titles} />
            ))}
        </div>
      ) : null}
    </Page>
  );
}
