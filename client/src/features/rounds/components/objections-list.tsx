import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTION_STATE_INFO } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { MarkdownBlock } from '../../../components/text/markdown-block';
import { useApplyAmendment, useWithdrawObjection } from '../api/objections';
import { useFederationNames } from '../hooks/use-federation-names';
import { AmendmentDiff } from '../../../components/text/amendment-diff';
import { Author } from './federation-cards';
import { ParagraphRefs } from './paragraph-refs';
import { replacedUnits } from '../lib/replaced-units';
import type { RoundDetail, RoundObjection } from '../api/get-round';

/**
 * The amendment as a diff against the paragraphs it replaces (as worded in the round where the
 * objection was raised), never as Markdown.
 */
function ObjectionAmendmentDiff({ objection, round, amendment }: { objection: RoundObjection; round: RoundDetail; amendment: string }) {
  const replaced = objection.carried
    ? (objection.concerns ?? []).map((concern) => concern.markdown)
    : replacedUnits(objection.paragraphs, round.units, round.paragraphs);
  return <AmendmentDiff replaced={replaced} amendment={amendment} />;
}

interface ObjectionsListProps {
  round: RoundDetail;
  /** The caller's federation when they represent one: they may withdraw its objections. */
  federation: string | null;
  /** Applying an amendment edits the draft: only for those who may edit a document in drafting. */
  canApplyAmendments: boolean;
  /** Objections to leave out (e.g. on the document page, only the open ones). */
  filter?: (objection: RoundObjection) => boolean;
}

/**
 * A federation withdraws an objection from a closed round or carried into this one; in the
 * round where it is raised and still open, it changes its position instead.
 */
export function canWithdraw(objection: RoundObjection, round: RoundDetail, federation: string | null): boolean {
  if (!federation || objection.federation !== federation || objection.state !== 'open') return false;
  return objection.carried || round.status === 'closed';
}

export function ObjectionsList({ round, federation, canApplyAmendments, filter }: ObjectionsListProps) {
  const { t } = useTranslation();
  const federationName = useFederationNames();
  const withdraw = useWithdrawObjection(round.id);
  const apply = useApplyAmendment(round.documentId, round.id);
  const [applied, setApplied] = useState<string | null>(null);
  const objections = filter ? round.objections.filter(filter) : round.objections;

  if (objections.length === 0) return <p className="muted">{t('rounds.objections.empty')}</p>;
  return (
    <>
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      {apply.error ? <ErrorAlert error={apply.error} /> : null}
      {applied ? (
        <p className="notice notice--success" role="status">
          {t('rounds.objections.applied')}
        </p>
      ) : null}
      <ul className="objections">
        {objections.map((objection) => (
          <li key={objection.id} className={`objection objection--${objection.state}`}>
            <p className="objection__head">
              <strong>{federationName(objection.federation).name}</strong>
              <span className={`objection__state objection__state--${objection.state}`}>
                {OBJECTION_STATE_INFO[objection.state].label}
              </span>
              {objection.carried ? (
                <span className="objection__carried">{t('rounds.objections.carried', { number: objection.raisedInRound })}</span>
              ) : null}
            </p>
            {objection.reason ? <blockquote className="position__reason">{objection.reason}</blockquote> : null}
            {objection.carried && objection.concerns && objection.concerns.length > 0 ? (
              <div className="objection__concerns">
                <p className="position__paragraphs">{t('rounds.objections.concernsIn', { number: objection.raisedInRound })}</p>
                <ul>
                  {objection.concerns.map((concern) => (
                    <li key={concern.label}>
                      <strong>{concern.label}</strong>
                      <MarkdownBlock markdown={concern.markdown} className="objection__concern-text" />
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="position__paragraphs">
                {t('rounds.cards.about')} <ParagraphRefs ids={objection.paragraphs} units={round.units} />
              </p>
            )}
            {objection.noAmendmentPossible ? (
              <p className="position__amendment position__amendment--none">{t('rounds.cards.noAmendment')}</p>
            ) : objection.amendment ? (
              <div className="position__amendment">
                <p className="position__amendment-title">{t('rounds.cards.amendment')}</p>
                <ObjectionAmendmentDiff objection={objection} round={round} amendment={objection.amendment} />
              </div>
            ) : null}
            {objection.state === 'open' && objection.amendmentAccepted ? (
              <p className="objection__accepted" role="note">
                {t('rounds.objections.accepted')}
              </p>
            ) : null}
            {objection.answer ? (
              <div className="objection__answer">
                <p className="position__amendment-title">{t('rounds.objections.answer')}</p>
                <p>{objection.answer}</p>
              </div>
            ) : null}
            <p className="position__meta">
              <Author author={objection.raisedBy} at={objection.raisedAt} />
            </p>
            <div className="objection__actions">
              {canWithdraw(objection, round, federation) ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(objection.id)}
                >
                  {t('rounds.objections.withdraw')}
                </button>
              ) : null}
              {canApplyAmendments && objection.state === 'open' && objection.amendment && !objection.amendmentAccepted ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={apply.isPending}
                  onClick={() => apply.mutate(objection.id, { onSuccess: () => setApplied(objection.id) })}
                >
                  {t('rounds.objections.apply')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
