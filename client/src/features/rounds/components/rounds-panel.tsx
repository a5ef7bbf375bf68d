import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RULE_INFO, type DocumentStatus } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useLive } from '../../../lib/live/use-live';
import { useRound } from '../api/get-round';
import { documentKeys } from '../../../lib/api/query-keys';
import { useRounds } from '../api/get-rounds';
import { ObjectionsList } from './objections-list';
import { ReservationsList } from './reservations-list';
import { OpenRoundDialog } from './open-round-dialog';
import { OutcomeTag } from '../../../components/consensus/consensus-tags';
import '../rounds.css';
import type { RoundSummary } from '../api/get-rounds';

interface RoundsPanelProps {
  documentId: string;
  documentStatus: DocumentStatus;
  /** The secretariat opens rounds. */
  canOpen: boolean;
  /** Applying an objection's amendment edits the draft. */
  canEdit: boolean;
  /** The caller's federation when they represent one. */
  federation: string | null;
}

const roundPath = (round: Pick<RoundSummary, 'documentId' | 'id'>) => `/documents/${round.documentId}/tours/${round.id}`;

/** The open objections of the last blocked round, with "apply to the draft" for those who edit. */
function BlockedRoundObjections({ summary, canEdit, federation }: { summary: RoundSummary; canEdit: boolean; federation: string | null }) {
  const { t } = useTranslation();
  const round = useRound(summary.id);
  if (round.isPending) return <Loading />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  return (
    <section className="rounds-panel__blocked" aria-labelledby="blocked-objections-title">
      <h3 id="blocked-objections-title" className="rounds-panel__subtitle">
        {t('rounds.panel.blockedObjections', { number: summary.number })}
      </h3>
      <ObjectionsList
        round={round.data}
        federation={federation}
        canApplyAmendments={canEdit}
        filter={(objection) => objection.state === 'open'}
      />
      {round.data.reservations.some((reservation) => reservation.state === 'open' && reservation.amendment) ? (
        <>
          <h3 className="rounds-panel__subtitle">{t('rounds.panel.blockedReservations', { number: summary.number })}</h3>
          <ReservationsList round={round.data} canApplyAmendments={canEdit} filter={(reservation) => reservation.state === 'open'} />
        </>
      ) : null}
    </section>
  );
}

export function RoundsPanel({ documentId, documentStatus, canOpen, canEdit, federation }: RoundsPanelProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rounds = useRounds(documentId);
  const [opening, setOpening] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: documentKeys.rounds(documentId) });
  useLive({ 'round.opened': refresh, 'round.updated': refresh, 'round.closed': refresh }, { documentId, onResync: refresh });

  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;

  const items = [...rounds.data.items].sort((a, b) => b.number - a.number);
  const latest = items[0];
  const blocked = latest && latest.outcome === 'blocked' && documentStatus === 'drafting' ? latest : null;
  return (
    <div className="rounds-panel">
      {canOpen && documentStatus === 'drafting' ? (
        <p>
          <button type="button" className="button button--primary" onClick={() => setOpening(true)}>
            {t('rounds.panel.open')}
          </button>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('rounds.panel.empty')}</p>
      ) : (
        <ol className="rounds-panel__list" aria-label={t('rounds.panel.listLabel')}>
          {items.map((round) => (
            <li key={round.id} className="round-item">
              <p className="round-item__title">
                <Link to={roundPath(round)}>{t('rounds.panel.roundTitle', { number: round.number, version: round.version })}</Link>
              </p>
              <p className="round-item__question">{round.question}</p>
              <p className="round-item__meta">
                {round.status === 'open' ? (
                  <span className="round-status round-status--open">{t('rounds.panel.openUntil', { date: formatDate(round.closesAt) })}</span>
                ) : round.outcome ? (
                  <OutcomeTag outcome={round.outcome} />
                ) : null}
              </p>
              <p className="round-item__meta muted">
                {RULE_INFO[round.rule].label} ·{' '}
                {t('rounds.progress.answered', { count: round.tally.progress.answered, total: round.tally.progress.total })}
              </p>
            </li>
          ))}
        </ol>
      )}
      {blocked ? <BlockedRoundObjections summary={blocked} canEdit={canEdit} federation={federation} /> : null}
      {opening ? (
        <OpenRoundDialog
          documentId={documentId}
          onClose={() => setOpening(false)}
          onOpened={(round) => void navigate(roundPath(round))}
        />
      ) : null}
    </div>
  );
}
