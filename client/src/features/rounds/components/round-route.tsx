import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canChangePosition, castingFederation, CLOSE_CAUSE_INFO, noAnswerCase, outcomeDescription, ROUND_STATUS_INFO, RULE_INFO } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useDocument } from '../../../lib/api/document';
import { useRound } from '../api/get-round';
import { useLiveRound } from '../hooks/use-live-round';
import { ConvergenceMap } from './convergence-map';
import { CountdownTimer } from './countdown-timer';
import { FacilitationPanel } from './facilitation-panel';
import { FederationCards } from './federation-cards';
import { ObjectionsList } from './objections-list';
import { ReservationsList } from './reservations-list';
import { PositionForm } from './position-form';
import { PreviousRoundDiff } from './previous-round-diff';
import { RoundProgress } from './round-progress';
import { OutcomeTag } from '../../../components/consensus/consensus-tags';
import '../rounds.css';
import type { RoundDetail } from '../api/get-round';

const FACILITATORS = ['admin', 'facilitator'];

function OutcomeBanner({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  if (!round.outcome) return null;
  return (
    <section className={`outcome-banner outcome-banner--${round.outcome}`} aria-labelledby="outcome-title">
      <h2 id="outcome-title" className="outcome-banner__title">
        <OutcomeTag outcome={round.outcome} />
      </h2>
      {round.closeCause ? (
        <p className="outcome-banner__description">
          {outcomeDescription({
            outcome: round.outcome,
            rule: round.rule,
            closeCause: round.closeCause,
            participants: round.participants,
            answered: round.positions.map((position) => position.federation),
          })}
        </p>
      ) : null}
      {round.outcomeStatement ? <p className="outcome-banner__statement">{round.outcomeStatement}</p> : null}
      <p className="outcome-banner__meta">
        {round.closeCause ? CLOSE_CAUSE_INFO[round.closeCause].label : null}
        {round.closedAt ? (
          <>
            {' · '}
            <time dateTime={round.closedAt}>{formatDate(round.closedAt)}</time>
          </>
        ) : null}
        {round.closedBy ? ` · ${round.closedBy.displayName}` : null}
      </p>
      {round.decisionSeq !== null ? (
        <p>
          <Link className="button button--secondary" to={`/decisions/${round.decisionSeq}`}>
            {t('rounds.outcome.decisionLink', { seq: round.decisionSeq })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function RoundRoute() {
  const { id: documentId = '', roundId = '' } = useParams();
  const { t } = useTranslation();
  const round = useRound(roundId);
  const document = useDocument(documentId);
  useDocumentTitle(round.data ? t('rounds.page.documentTitle', { number: round.data.number }) : t('rounds.title'));
  useLiveRound(round.data?.documentId, roundId);

  if (round.isPending) return <Loading />;
  if (round.isError) {
    return (
      <section className="page">
        <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />
        <p>
          <Link to={`/documents/${documentId}`}>{t('rounds.page.backToDocument')}</Link>
        </p>
      </section>
    );
  }
  const canEditDraft = Boolean(document.data?.permissions.edit && document.data.status === 'drafting');
  return <RoundPage round={round.data} documentTitle={document.data?.title} canEditDraft={canEditDraft} />;
}

function RoundPage({ round, documentTitle, canEditDraft }: { round: RoundDetail; documentTitle?: string; canEditDraft: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const open = round.status === 'open';
  const federation = castingFederation(user, round);
  const isFacilitator = FACILITATORS.includes(user.role);
  const pastDeadline = Date.parse(round.closesAt) <= Date.now();
  const answering = Boolean(federation && canChangePosition(round.status, { closesAt: round.closesAt, now: new Date() }));
  // Once shown, the position form stays while its text matters: a round cancelled or closed
  // meanwhile is said in the form, and what was typed is kept.
  const [formShown, setFormShown] = useState(answering);
  useEffect(() => {
    if (answering) setFormShown(true);
  }, [answering]);

  return (
    <section className="page page--wide round-page" aria-labelledby="round-title">
      <p className="breadcrumb">
        <Link to={`/documents/${round.documentId}`}>{documentTitle ?? t('rounds.page.backToDocument')}</Link>
      </p>
      <header className="round-header">
        <p className="round-header__kicker">
          {t('rounds.page.kicker', { number: round.number, version: round.version })}
          <span className={`round-status round-status--${round.status}`}>{ROUND_STATUS_INFO[round.status].label}</span>
        </p>
        <h1 id="round-title" className="page__title" tabIndex={-1}>
          {round.question}
        </h1>
        <dl className="round-facts">
          <div>
            <dt>{t('rounds.page.rule')}</dt>
            <dd>
              <strong>{RULE_INFO[round.rule].label}</strong>
              <span className="round-facts__hint">{RULE_INFO[round.rule].description}</span>
              {round.autoClose ? <span className="round-facts__hint">{t('rounds.page.autoClose')}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('rounds.page.deadline')}</dt>
            <dd>
              <CountdownTimer closesAt={round.closesAt} open={open} />
              <span className="round-facts__hint">{t('rounds.page.timeZone')}</span>
            </dd>
          </div>
          <div>
            <dt>{t('rounds.page.openedBy')}</dt>
            <dd>
              <span>{round.openedBy.displayName}</span>
              <time className="round-facts__hint" dateTime={round.openedAt}>
                {formatDate(round.openedAt)}
              </time>
            </dd>
          </div>
        </dl>
      </header>

      <OutcomeBanner round={round} />
      {open && pastDeadline ? (
        <p className="notice notice--info" role="status">
          {t('rounds.page.closing')}
        </p>
      ) : null}

      <div className="round-layout">
        <section className="card round-layout__positions" aria-labelledby="positions-title">
          <h2 id="positions-title" className="section-title">
            {t('rounds.cards.title')}
          </h2>
          <RoundProgress tally={round.tally} noAnswer={noAnswerCase(round)} />
          <FederationCards round={round} />
        </section>

        {/* The text before the form in reading order: on a phone the position comes after what it is about. */}
        <section className="card round-layout__text" aria-labelledby="text-title">
          <h2 id="text-title" className="section-title">
            {t('rounds.text.title', { version: round.version })}
          </h2>
          <p className="round-hash">
            {t('rounds.text.hash')} <code className="hash">{round.contentHash}</code>
          </p>
          <p className="round-export">
            <a className="button button--secondary button--small" href={`/api/rounds/${encodeURIComponent(round.id)}/export?format=docx`} download>
              {t('rounds.text.exportDocx')}
            </a>
            <span className="field__hint">{t('rounds.text.exportDocxHint')}</span>
          </p>
          {round.previousRound ? <PreviousRoundDiff diff={round.previousRound} version={round.version} /> : null}
          <ConvergenceMap round={round} />
        </section>

        <div className="round-layout__side">
          {federation && (answering || formShown) ? (
            <section className="card round-layout__form">
              <PositionForm round={round} federation={federation} stopped={!answering} />
            </section>
          ) : null}
          {open && isFacilitator ? <FacilitationPanel round={round} /> : null}
          <section className="card" aria-labelledby="objections-title">
            <h2 id="objections-title" className="section-title">
              {t('rounds.objections.title')}
            </h2>
            <ObjectionsList
              round={round}
              federation={federation ?? (user.role === 'representative' ? user.federation : null)}
              canApplyAmendments={canEditDraft}
            />
          </section>
          {round.reservations.some((reservation) => reservation.amendment) ? (
            <section className="card" aria-labelledby="reservations-title">
              <h2 id="reservations-title" className="section-title">
                {t('rounds.reservations.title')}
              </h2>
              <p className="field__hint">{t('rounds.reservations.hint')}</p>
              <ReservationsList round={round} canApplyAmendments={canEditDraft} />
            </section>
          ) : null}
        </div>
      </div>
    </section>
  );
}
