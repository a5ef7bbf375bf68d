import { useTranslation } from 'react-i18next';
import { STANCES, STANCE_INFO, paragraphCitation, type ConvergenceRow } from '@coupole/shared';
import { StanceName } from '../../../components/consensus/consensus-tags';
import { useFederationNames } from '../hooks/use-federation-names';
import { paragraphAnchor } from './paragraph-refs';
import { ParagraphText } from './paragraph-text';
import type { RoundDetail } from '../api/get-round';

function RowStances({ row }: { row: ConvergenceRow | undefined }) {
  const { t } = useTranslation();
  const federationName = useFederationNames();
  const groups = STANCES.filter((stance) => (row?.stances[stance].length ?? 0) > 0);
  if (!row || groups.length === 0) return <p className="muted convergence__none">{t('rounds.convergence.none')}</p>;
  return (
    <ul className="convergence__groups">
      {groups.map((stance) => (
        <li key={stance} className={`convergence__group stance--${STANCE_INFO[stance].tone}`}>
          <span className="convergence__stance">
            <StanceName stance={stance} />
          </span>
          <span className="convergence__federations">
            {row.stances[stance].map((entry, index) => (
              <span key={entry.federation} className={`convergence__federation convergence__federation--${entry.scope}`}>
                {index > 0 ? ', ' : null}
                {federationName(entry.federation).short}
                {entry.scope === 'paragraph' ? (
                  <>
                    <span aria-hidden="true" className="convergence__pin">
                      {' '}
                      §
                    </span>
                    <span className="visually-hidden">{t('rounds.convergence.pointed')}</span>
                  </>
                ) : null}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The frozen text, paragraph by paragraph (list items and table rows one by one), beside the
 * federations' stances on each: the "chambre d'écho des convergences". Rows come from the
 * shared convergenceMap (server side); headings and rules stand between them, without stances.
 */
export function ConvergenceMap({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const rows = new Map(round.convergence.map((row) => [row.paragraphId, row]));
  return (
    <div className="convergence">
      <p className="convergence__legend muted">{t('rounds.convergence.legend')}</p>
      <ol className="convergence__rows">
        {round.units.map((unit) => {
          const citation = paragraphCitation(unit.id) ?? unit.id;
          return (
            <li key={unit.id} id={paragraphAnchor(citation)} className={unit.objectable ? 'convergence__row' : 'convergence__row convergence__row--label'}>
              <div className="convergence__text">
                <span className="convergence__number">{t('rounds.paragraphs.number', { number: citation })}</span>
                <ParagraphText markdown={unit.markdown} />
              </div>
              {unit.objectable ? (
                <div className="convergence__stances" aria-label={t('rounds.convergence.rowLabel', { number: citation })} role="group">
                  <RowStances row={rows.get(unit.id)} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
