import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_INFO, explainOutcome, type FederationSlug, type ObjectionAnswers } from '@coupole/shared';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { useCancelRound, useCloseRound } from '../api/close-round';
import { useFederationNames } from '../hooks/use-federation-names';
import { ExtendDeadlineButton } from './extend-deadline-dialog';
import { OutcomeTag } from '../../../components/consensus/consensus-tags';
import type { RoundDetail } from '../api/get-round';

function CloseDialog({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const federationName = useFederationNames();
  const close = useCloseRound(round.id);
  const [answers, setAnswers] = useState<Partial<Record<FederationSlug, string>>>({});
  const [statement, setStatement] = useState('');
  const objecting = round.rule === 'rough' ? round.tally.objecting : [];
  const written: ObjectionAnswers = Object.fromEntries(
    Object.entries(answers).filter(([, answer]) => answer && answer.trim() !== ''),
  );
  // The shared rule the server applies: the facilitator sees the outcome before closing.
  const preview = explainOutcome({
    rule: round.rule,
    participants: round.participants,
    positions: round.positions,
    cause: 'facilitator',
    answers: written,
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    close.mutate(
      {
        ...(Object.keys(written).length > 0 ? { answers: written } : {}),
        ...(statement.trim() ? { statement: statement.trim() } : {}),
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog title={t('rounds.close.title', { number: round.number })} onClose={onClose}>
      <form className="form" onSubmit={handleSubmit}>
        <div className="notice notice--info" role="status">
          <p>
            {t('rounds.close.preview')} <OutcomeTag outcome={preview.outcome} />
          </p>
          <p className="muted">{OUTCOME_INFO[preview.outcome].description}</p>
        </div>
        {objecting.length > 0 ? (
          <fieldset className="close-answers">
            <legend className="field__label">{t('rounds.close.answers')}</legend>
            <p className="field__hint">{t('rounds.close.answersHint')}</p>
            {objecting.map((slug) => {
              const objection = round.positions.find((position) => position.federation === slug);
              return (
                <div key={slug} className="field">
                  <label htmlFor={`${id}-${slug}`} className="field__label">
                    {t('rounds.close.answerTo', { federation: federationName(slug).name })}
                  </label>
                  {objection?.reason ? <blockquote className="position__reason">{objection.reason}</blockquote> : null}
                  <textarea
                    id={`${id}-${slug}`}
                    className="field__input"
                    rows={3}
                    value={answers[slug] ?? ''}
                    onChange={(event) => setAnswers((previous) => ({ ...previous, [slug]: event.target.value }))}
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-statement`} className="field__label">
            {t('rounds.close.statement')}
          </label>
          <p id={`${id}-statement-hint`} className="field__hint">
            {t('rounds.close.statementHint')}
          </p>
          <textarea
            id={`${id}-statement`}
            className="field__input"
            rows={3}
            maxLength={4000}
            value={statement}
            aria-describedby={`${id}-statement-hint`}
            onChange={(event) => setStatement(event.target.value)}
          />
        </div>
        {close.error ? <ErrorAlert error={close.error} /> : null}
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={close.isPending}>
            {close.isPending ? t('rounds.close.closing') : t('rounds.close.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CancelDialog({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelRound(round.id);
  return (
    <Dialog title={t('rounds.cancel.title', { number: round.number })} onClose={onClose} size="narrow">
      <p>{t('rounds.cancel.explanation')}</p>
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('rounds.cancel.keep')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate({}, { onSuccess: onClose })}
        >
          {t('rounds.cancel.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

/** The secretariat's actions on an open round: close now (with answers under `rough`) or cancel. */
export function FacilitationPanel({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'close' | 'cancel' | null>(null);
  return (
    <section className="card facilitation" aria-labelledby="facilitation-title">
      <h2 id="facilitation-title" className="section-title">
        {t('rounds.facilitation.title')}
      </h2>
      <p className="muted">{t('rounds.facilitation.intro')}</p>
      <div className="form__actions form__actions--start">
        <button type="button" className="button button--primary" onClick={() => setDialog('close')}>
          {t('rounds.facilitation.close')}
        </button>
        <ExtendDeadlineButton roundId={round.id} closesAt={round.closesAt} />
        <button type="button" className="button button--danger-outline" onClick={() => setDialog('cancel')}>
          {t('rounds.facilitation.cancel')}
        </button>
      </div>
      {dialog === 'close' ? <CloseDialog round={round} onClose={() => setDialog(null)} /> : null}
      {dialog === 'cancel' ? <CancelDialog round={round} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
