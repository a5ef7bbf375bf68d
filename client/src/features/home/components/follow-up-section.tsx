import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FEDERATION_SHORT_NAMES, type HomeFollowUpRoundDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { formatDate } from '../../../lib/dates';
import { useRemindFederation } from '../api/remind-federation';
import { HomeSection } from './home-section';
import { RoundLink } from './round-link';

interface FollowUpSectionProps {
  rounds: HomeFollowUpRoundDto[];
  /** Extra actions on a round (the app adds "Prolonger l’échéance"). */
  roundActions?: (round: HomeFollowUpRoundDto) => ReactNode;
}

/** The secretariat's view of every open round: who has not answered, and "Relancer". */
export function FollowUpSection({ rounds, roundActions }: FollowUpSectionProps) {
  const { t } = useTranslation();
  const remind = useRemindFederation();
  return (
    <HomeSection title={t('home.followUp.title')} empty={t('home.followUp.empty')} count={rounds.length} wide>
      {remind.isError ? <ErrorAlert error={remind.error} /> : null}
      <ul className="home-list">
        {rounds.map((round) => (
          <li key={round.roundId} className="home-item">
            <RoundLink round={round} />
            <p className="home-item__meta">{t('home.deadline', { date: formatDate(round.closesAt) })}</p>
            {round.missing.length === 0 ? (
              <p className="home-item__detail">{t('home.followUp.allAnswered')}</p>
            ) : (
              <ul className="home-missing" aria-label={t('home.followUp.missing')}>
                {round.missing.map((entry) => {
                  const name = FEDERATION_SHORT_NAMES[entry.federation];
                  const pending = remind.isPending && remind.variables?.roundId === round.roundId && remind.variables.federation === entry.federation;
                  return (
                    <li key={entry.federation} className="home-missing__item">
                      <span className="home-missing__name">{name}</span>
                      {entry.lastRemindedAt ? (
                        <span className="home-missing__note">{t('home.followUp.remindedAt', { date: formatDate(entry.lastRemindedAt) })}</span>
                      ) : null}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={entry.nextReminderAt !== null || pending}
                        title={entry.nextReminderAt ? t('home.followUp.nextReminder', { date: formatDate(entry.nextReminderAt) }) : undefined}
                        aria-label={t('home.followUp.remindLabel', { federation: name })}
                        onClick={() => remind.mutate({ roundId: round.roundId, federation: entry.federation })}
                      >
                        {t('home.followUp.remind')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {roundActions?.(round)}
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
