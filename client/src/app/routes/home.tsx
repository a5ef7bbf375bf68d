import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback/error-alert';
import { Loading } from '../../components/feedback/loading';
import { Page } from '../../components/layout/page';
import { MyActions } from '../../features/agenda/components/my-actions';
import { useCurrentUser } from '../../lib/session/current-user';
import { OverdueDispatchesNotice } from '../../features/follow-up/components/overdue-dispatches-notice';
import { useHome } from '../../features/home/api/get-home';
import { AwaitingRoundsSection } from '../../features/home/components/awaiting-rounds-section';
import { ClosedRoundsSection } from '../../features/home/components/closed-rounds-section';
import { EditedDocumentsSection } from '../../features/home/components/edited-documents-section';
import { FollowUpSection } from '../../features/home/components/follow-up-section';
import { ThreadsSection } from '../../features/home/components/threads-section';
import { useLiveHome } from '../../features/home/hooks/use-live-home';
import { InfosToDiscuss } from '../../features/infos/components/infos-to-discuss';
import '../../features/home/home.css';
import { ExtendDeadlineButton } from '../../features/rounds/components/extend-deadline-dialog';
import { formatDate } from '../../lib/dates';

/**
 * Accueil, the landing page: what needs the signed-in person, then what changed since their
 * last visit. Each block is one section component; other areas add theirs to the grid.
 */
export function HomeRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = useHome();
  useLiveHome();

  return (
    <Page
      titleId="home-title"
      title={t('home.title')}
      intro={t('home.intro', { name: user.displayName })}
      headerExtra={home.data ? <p className="muted">{t('home.since', { date: formatDate(home.data.since) })}</p> : null}
    >
      {home.isPending ? <Loading /> : null}
      {home.isError ? <ErrorAlert error={home.error} onRetry={() => void home.refetch()} /> : null}
      {user.role === 'observer' ? null : <OverdueDispatchesNotice />}
      {home.data ? (
        <div className="home-grid">
          {home.data.followUp ? (
            <FollowUpSection
              rounds={home.data.followUp}
              roundActions={(round) => <ExtendDeadlineButton roundId={round.roundId} closesAt={round.closesAt} small />}
            />
          ) : null}
          {user.role === 'representative' ? <AwaitingRoundsSection rounds={home.data.awaitingMyFederation} now={Date.now()} /> : null}
          <ThreadsSection title={t('home.mentions.title')} empty={t('home.mentions.empty')} threads={home.data.mentions} />
          <ThreadsSection title={t('home.unanswered.title')} empty={t('home.unanswered.empty')} threads={home.data.unansweredThreads} />
          <EditedDocumentsSection documents={home.data.editedDocuments} />
          <ClosedRoundsSection rounds={home.data.closedRounds} />
          <div className="home-section home-section--embedded">
            <MyActions />
          </div>
          <div className="home-section home-section--embedded">
            <InfosToDiscuss />
          </div>
        </div>
      ) : null}
    </Page>
  );
}
