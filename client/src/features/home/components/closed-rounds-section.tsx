import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeClosedRoundDto } from '@coupole/shared';
import { OutcomeTag } from '../../../components/consensus/consensus-tags';
import { formatDate } from '../../../lib/dates';
import { HomeSection } from './home-section';
import { RoundLink } from './round-link';

/** Rounds closed since the caller's last visit, with their outcome. */
export function ClosedRoundsSection({ rounds }: { rounds: HomeClosedRoundDto[] }) {
  const { t } = useTranslation();
  return (
    <HomeSection title={t('home.closed.title')} empty={t('home.closed.empty')} count={rounds.length}>
      <ul className="home-list">
        {rounds.map((round) => (
          <li key={round.roundId} className="home-item">
            <RoundLink round={round} />
            <p className="home-item__meta">
              <OutcomeTag outcome={round.outcome} /> {t('home.closed.at', { date: formatDate(round.closedAt) })}
              {round.decisionSeq ? (
                <>
                  {' · '}
                  <Link to={`/decisions/${round.decisionSeq}`}>{t('home.closed.decision', { seq: round.decisionSeq })}</Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
