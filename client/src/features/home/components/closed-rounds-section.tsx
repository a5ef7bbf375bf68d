import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeClosedRoundDto } from '@coupole/shared';
import { OutcomeTag } from '../../../components/consensus/consensus-tags';
import { formatDate } from '../../../lib/dates';
import { HomeSection } from './home-section';

/** Rounds closed since the caller's last visit, with their outcome. */
export function ClosedRoundsSection({ rounds }: { rounds: HomeClosedRoundDto[] }) {
  const { t } = useTranslation();
  return (
    <HomeSection title={t('home.closed.title')} empty={t('home.closed.empty')} count={rounds.length}>
      <ul className="home-list">
        {rounds.map((round) => (
          <li key={round.roundId} className="home-item">
            <Link to={`/documents/${round.documentId}/tours/${round.roundId}`} className="home-item__link">
              {t('home.awaiting.round', { number: round.number, title: round.documentTitle })}
            </Link>
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
