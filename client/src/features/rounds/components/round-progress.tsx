import { useTranslation } from 'react-i18next';
import { STANCES, STANCE_INFO, type NoAnswerCase, type Tally } from '@coupole/shared';
import { StanceName } from '../../../components/consensus/consensus-tags';
import { useFederationNames } from '../hooks/use-federation-names';

const MISSING_KEYS = {
  waiting: 'rounds.progress.waitingFor',
  silent_agree: 'rounds.progress.silentAgree',
  never_answered: 'rounds.progress.neverAnswered',
} as const satisfies Record<NoAnswerCase, string>;

/** How many federations answered, the count per stance, and who is still awaited. */
export function RoundProgress({ tally, noAnswer }: { tally: Tally; noAnswer: NoAnswerCase }) {
  const { t } = useTranslation();
  const federationName = useFederationNames();
  const { answered, total } = tally.progress;
  return (
    <div className="round-progress">
      <p className="round-progress__summary" id="round-progress-label">
        {t('rounds.progress.answered', { count: answered, total })}
      </p>
      <progress className="round-progress__bar" max={total || 1} value={answered} aria-labelledby="round-progress-label" />
      <ul className="round-progress__counts" aria-label={t('rounds.progress.counts')}>
        {STANCES.map((stance) => (
          <li key={stance} className={`stance stance--${STANCE_INFO[stance].tone}`} data-stance={stance}>
            <StanceName stance={stance} />
            <strong className="round-progress__count">{tally.counts[stance]}</strong>
          </li>
        ))}
      </ul>
      {tally.missing.length > 0 ? (
        <p className="round-progress__missing">
          {t(MISSING_KEYS[noAnswer])}{' '}
          {tally.missing.map((slug) => federationName(slug).short).join(', ')}
        </p>
      ) : (
        <p className="round-progress__missing">{t('rounds.progress.everyone')}</p>
      )}
    </div>
  );
}
