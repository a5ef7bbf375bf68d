import { useTranslation } from 'react-i18next';
import { NO_ANSWER_CASE_INFO, mayCarryAmendment, noAnswerCase } from '@coupole/shared';
import { AmendmentDiff } from '../../../components/text/amendment-diff';
import { replacedUnits } from '../lib/replaced-units';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/dates';
import { useFederationNames } from '../hooks/use-federation-names';
import { ParagraphRefs } from './paragraph-refs';
import { StanceTag } from '../../../components/consensus/consensus-tags';
import type { Paragraph, ParagraphUnit, PositionAuthor, PositionChange, RoundDetail, RoundPosition } from '../api/get-round';

export function Author({ author, at }: { author: PositionAuthor; at: string }) {
  const { t } = useTranslation();
  return (
    <span className="position__author">
      {author.mandate
        ? t('rounds.cards.castByWithMandate', { name: author.displayName, mandate: t(`mandates.${author.mandate}`) })
        : t('rounds.cards.castBy', { name: author.displayName })}
      {' · '}
      <time dateTime={at}>{formatDate(at)}</time>
    </span>
  );
}

function PositionBody({ position, units, blocks }: { position: PositionChange; units: readonly ParagraphUnit[]; blocks: readonly Paragraph[] }) {
  const { t } = useTranslation();
  return (
    <>
      {position.reason ? <blockquote className="position__reason">{position.reason}</blockquote> : null}
      {position.stance === 'reservations' || position.stance === 'object' || position.paragraphs.length > 0 ? (
        <p className="position__paragraphs">
          {t('rounds.cards.about')} <ParagraphRefs ids={position.paragraphs} units={units} />
        </p>
      ) : null}
      {position.stance === 'object' && position.noAmendmentPossible ? (
        <p className="position__amendment position__amendment--none">{t('rounds.cards.noAmendment')}</p>
      ) : mayCarryAmendment(position.stance) && position.amendment ? (
        <div className="position__amendment">
          <p className="position__amendment-title">
            {position.stance === 'reservations' ? t('rounds.cards.reservationAmendment') : t('rounds.cards.amendment')}
          </p>
          <AmendmentDiff replaced={replacedUnits(position.paragraphs, units, blocks)} amendment={position.amendment} />
        </div>
      ) : null}
    </>
  );
}

function History({ history, units, blocks }: { history: PositionChange[]; units: readonly ParagraphUnit[]; blocks: readonly Paragraph[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  return (
    <details className="position__history">
      <summary>{t('rounds.cards.history', { count: history.length })}</summary>
      <ol reversed>
        {[...history].reverse().map((change) => (
          <li key={change.castAt}>
            <StanceTag stance={change.stance} compact />
            <PositionBody position={change} units={units} blocks={blocks} />
            <p className="position__meta">
              <Author author={change.castBy} at={change.castAt} />
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** One card per participating federation: its current stance, why, who cast it, and what it said before. */
export function FederationCards({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const federationName = useFederationNames();
  const byFederation = new Map<string, RoundPosition>(round.positions.map((position) => [position.federation, position]));
  const noAnswer = noAnswerCase(round);
  return (
    <ul className="federation-positions" aria-label={t('rounds.cards.label')}>
      {round.participants.map((slug) => {
        const position = byFederation.get(slug);
        return (
          <li key={slug} className={`position-card${position ? ` position-card--${position.stance}` : ' position-card--missing'}`}>
            <h3 className="position-card__federation">{federationName(slug).name}</h3>
            <p className="position-card__stance">
              <StanceTag stance={position?.stance ?? null} noAnswer={noAnswer} />
            </p>
            {position ? (
              <>
                <PositionBody position={position} units={round.units} blocks={round.paragraphs} />
                {position.evidence.map((cited) => (
                  <p key={cited.consultationId} className="position__evidence">
                    {t('rounds.cards.evidence')}{' '}
                    <Link to={`/consultations/${cited.consultationId}`}>{cited.title}</Link>
                    {' — '}
                    {t('rounds.cards.evidenceRate', { responded: cited.responded, invited: cited.invited })}
                  </p>
                ))}
                <p className="position__meta">
                  <Author author={position.castBy} at={position.castAt} />
                </p>
                <History history={position.history} units={round.units} blocks={round.paragraphs} />
              </>
            ) : (
              <p className="muted">{NO_ANSWER_CASE_INFO[noAnswer].description}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
