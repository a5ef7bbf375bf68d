import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AFFILIATIONS, FEDERATION_SLUGS, PROVINCES } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useFederations } from '../../../lib/api/federations';
import { useLandscape } from '../api/get-ilis';
import '../ilis.css';

interface Datum {
  key: string;
  label: string;
  count: number;
  colour: string;
}

const NEUTRAL = '#3d5a80';

/** One chart and, beside it, the same figures as a table (screen readers, printing, exact values). */
function ChartWithTable({ id, title, data, total }: { id: string; title: string; data: Datum[]; total: number }) {
  const { t } = useTranslation();
  return (
    <section className="landscape__panel" aria-labelledby={id}>
      <h2 id={id} className="landscape__title">
        {title}
      </h2>
      <div className="landscape__body">
        <div className="landscape__chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={130} />
              <Tooltip />
              <Bar dataKey="count" name={t('ilis.landscape.count')} isAnimationActive={false}>
                {data.map((datum) => (
                  <Cell key={datum.key} fill={datum.colour} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <table className="data-table landscape__table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ilis.landscape.group')}</th>
              <th scope="col">{t('ilis.landscape.count')}</th>
              <th scope="col">{t('ilis.landscape.share')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.key}>
                <th scope="row">{datum.label}</th>
                <td>{datum.count}</td>
                <td>{total ? `${Math.round((datum.count / total) * 100)} %` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The Coupole's "paysage wallon des ILI": active ILI by affiliation, federation and province. */
export function IlisLandscape() {
  const { t } = useTranslation();
  const landscape = useLandscape();
  const federations = useFederations();
  if (landscape.isPending) return <Loading />;
  if (landscape.isError) return <ErrorAlert error={landscape.error} onRetry={() => void landscape.refetch()} />;
  const { total, byAffiliation, byFederation, byProvince } = landscape.data;
  const names = new Map(federations.data?.items.map((federation) => [federation.slug, federation]));

  return (
    <div className="landscape">
      <p className="landscape__total">{t('ilis.landscape.total', { count: total })}</p>
      <ChartWithTable
        id="landscape-affiliation"
        title={t('ilis.landscape.byAffiliation')}
        total={total}
        data={AFFILIATIONS.map((key) => ({ key, label: t(`ilis.affiliations.${key}`), count: byAffiliation[key], colour: NEUTRAL }))}
      />
      <ChartWithTable
        id="landscape-federation"
        title={t('ilis.landscape.byFederation')}
        total={byAffiliation.federation}
        data={FEDERATION_SLUGS.map((key) => ({ key, label: names.get(key)?.name.split(' – ')[0] ?? key.toUpperCase(), count: byFederation[key], colour: names.get(key)?.colour ?? NEUTRAL }))}
      />
      <ChartWithTable
        id="landscape-province"
        title={t('ilis.landscape.byProvince')}
        total={total}
        data={PROVINCES.map((key) => ({ key, label: t(`ilis.provinces.${key}`), count: byProvince[key], colour: NEUTRAL }))}
      />
    </div>
  );
}
