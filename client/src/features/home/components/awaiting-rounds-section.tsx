import { useTranslation } from 'react-i18next';
import { RULE_INFO, type HomeRoundDto } from '@coupole/shared';
import { formatDate } from '../../../lib/dates';
import { HomeSection } from './home-section';
import { RoundLink } from './round-link';

const URGENT_MS = 24 * 60 * 60 * 1000;

/** Rounds still waiting for the caller's federation, most urgent first. */
export function AwaitingRoundsSection({ rounds, now }: { rounds: HomeRoundDto[]; now: number }) {
  const { t } = useTranslation();
  return (
    <HomeSection title={t('home.awaiting.title')} empty={t('home.awaiting.empty')} count={rounds.length}>
      <ul className="home-list">
        {rounds.map((round) => {
          const urgent = new Date(round.closesAt).getTime() - now < URGENT_MS;
          return (
            <li key={round.roundId} className={urgent ? 'home-item home-item--urgent' : 'home-item'}>
              <RoundLink round={round} />
              <p className="home-item__meta">
                {urgent ? <strong className="home-item__badge">{t('home.awaiting.urgent')}</strong> : null}
                {t('home.deadline', { date: formatDate(round.closesAt) })} · {RULE_INFO[round.rule].label}
              </p>
              <p className="home-item__detail">{round.question}</p>
            </li>
          );
        })}
      </ul>
    </HomeSection>
  );
}
