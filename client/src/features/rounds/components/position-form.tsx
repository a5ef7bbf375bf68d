import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STANCES, STANCE_INFO, paragraphCitation, type FederationSlug } from '@coupole/shared';
import { StanceName } from '../../../components/consensus/consensus-tags';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { fieldLabelClass } from '../../../components/form/text-field';
import { useCastPosition } from '../api/cast-position';
import { useCitableConsultations } from '../api/citable-consultations';
import { AmendmentEditor } from './amendment-editor';
import { useFederationNames } from '../hooks/use-federation-names';
import { formFromPosition, positionFormErrors, positionInput, type PositionFormState } from '../lib/position-form';
import type { RoundDetail } from '../api/get-round';

const EXCERPT_LENGTH = 90;

/** A paragraph in one line: a table row without its header, its cells separated by " · ". */
function excerpt(markdown: string): string {
  const row = markdown.startsWith('|') ? markdown.split('\n').at(-1) ?? '' : null;
  const line = row === null ? markdown : row.replace(/^\|\s*|\s*\|$/g, '').split(/\s*(?<!\\)\|\s*/).filter(Boolean).join(' · ');
  const text = line.replace(/^#{1,6}\s+/, '').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

interface PositionFormProps {
  round: RoundDetail;
  federation: FederationSlug;
  /**
   * The round stopped taking answers while the form was on screen (cancelled, closed, deadline
   * passed): the form says so, keeps what was typed (to copy) and no longer sends it.
   */
  stopped?: boolean;
}

function sameForm(a: PositionFormState, b: PositionFormState): boolean {
  return (
    a.stance === b.stance &&
    a.reason === b.reason &&
    a.amendment === b.amendment &&
    a.noAmendmentPossible === b.noAmendmentPossible &&
    a.amend === b.amend &&
    a.paragraphs.join() === b.paragraphs.join()
  );
}

/** The caller's federation's voice: one stance, its reason, the paragraphs it concerns, an amendment. */
export function PositionForm({ round, federation, stopped = false }: PositionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const federationName = useFederationNames();
  const cast = useCastPosition(round.id);
  const current = round.positions.find((position) => position.federation === federation);
  const [form, setForm] = useState<PositionFormState>(() => formFromPosition(current));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const citable = useCitableConsultations(federation);
  const [evidence, setEvidence] = useState<string[]>(() => current?.evidence.map((item) => item.consultationId) ?? []);
  const objectable = round.units.filter((unit) => unit.objectable);
  // Whole lists and tables stay valid ids (a position cast before items were addressable).
  const paragraphIds = [...new Set(objectable.flatMap((unit) => [unit.blockId, unit.id]))];
  const info = form.stance ? STANCE_INFO[form.stance] : null;
  // The frozen text of the ticked paragraphs, in the text's order: what the amendment rewrites.
  const replaced = [
    ...round.units.filter((unit) => form.paragraphs.includes(unit.id)),
    ...round.paragraphs.filter((block) => form.paragraphs.includes(block.id) && !round.units.some((unit) => unit.id === block.id)),
  ].map((unit) => unit.markdown);
  const unchanged = replaced.join('\n\n');
  const errors = submitted ? positionFormErrors(form, paragraphIds, unchanged) : {};
  // An objection must answer with an amendment or "none possible"; a reservation may propose one.
  const amendmentShown = info?.needsAmendment || (info?.mayAmend && form.amend);
  const currentAt = current?.castAt;

  // A colleague (titular or substitute) may change the position meanwhile: start again from theirs.
  useEffect(() => {
    if (!cast.isPending) {
      setForm(formFromPosition(current));
      setEvidence(current?.evidence.map((item) => item.consultationId) ?? []);
    }
  }, [currentAt]);

  function update(change: Partial<PositionFormState>) {
    setSaved(false);
    setForm((previous) => ({ ...previous, ...change }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (stopped) return;
    setSubmitted(true);
    const input = positionInput(form, unchanged);
    if (!input || Object.keys(positionFormErrors(form, paragraphIds, unchanged)).length > 0) return;
    cast.mutate({ ...input, evidence }, { onSuccess: () => setSaved(true) });
  }

  // Nothing typed beyond the recorded position: nothing to keep once the round has stopped.
  if (stopped && sameForm(form, formFromPosition(current))) return null;

  const describedBy = (field: keyof typeof errors) => (errors[field] ? `${id}-${field}-error` : undefined);
  const fieldError = (field: keyof typeof errors) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field__error">
        {t(errors[field])}
      </p>
    ) : null;

  return (
    <form className="form position-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {current
          ? t('rounds.position.changeTitle', { federation: federationName(federation).name })
          : t('rounds.position.title', { federation: federationName(federation).name })}
      </h2>
      <fieldset className="stance-choices" aria-invalid={errors.stance ? true : undefined} aria-describedby={describedBy('stance')}>
        <legend className={fieldLabelClass(true)}>{t('rounds.position.stance')}</legend>
        {STANCES.map((stance) => (
          <label key={stance} className={`stance-choice stance--${STANCE_INFO[stance].tone}`}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={stance}
              checked={form.stance === stance}
              onChange={() => update({ stance })}
            />
            <span className="stance-choice__text">
              <span className="stance-choice__label">
                <StanceName stance={stance} />
              </span>
              <span className="stance-choice__description">{STANCE_INFO[stance].description}</span>
            </span>
          </label>
        ))}
        {fieldError('stance')}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-reason`} className={fieldLabelClass(info?.reason === 'required')}>
          {t('rounds.position.reason')}
        </label>
        <p id={`${id}-reason-hint`} className="field__hint">
          {info?.reason === 'required' ? t('rounds.position.reasonRequiredHint') : t('rounds.position.reasonOptionalHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          className="field__input"
          rows={4}
          value={form.reason}
          required={info?.reason === 'required'}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={[`${id}-reason-hint`, describedBy('reason')].filter(Boolean).join(' ')}
          onChange={(event) => update({ reason: event.target.value })}
        />
        {fieldError('reason')}
      </div>

      <fieldset className="paragraph-picker" aria-describedby={[`${id}-paragraphs-hint`, describedBy('paragraphs')].filter(Boolean).join(' ')}>
        <legend className={fieldLabelClass(form.stance === 'object')}>{t('rounds.position.paragraphs')}</legend>
        <p id={`${id}-paragraphs-hint`} className="field__hint">
          {form.stance === 'object' ? t('rounds.position.paragraphsObjectHint') : t('rounds.position.paragraphsHint')}
        </p>
        <ul className="paragraph-picker__list">
          {objectable.map((paragraph) => (
            <li key={paragraph.id}>
              <label className="paragraph-picker__option">
                <input
                  type="checkbox"
                  checked={form.paragraphs.includes(paragraph.id)}
                  onChange={(event) =>
                    update({
                      paragraphs: event.target.checked
                        ? paragraphIds.filter((candidate) => candidate === paragraph.id || form.paragraphs.includes(candidate))
                        : form.paragraphs.filter((candidate) => candidate !== paragraph.id),
                    })
                  }
                />
                <span>
                  <strong>
                    {paragraph.heading
                      ? t('rounds.paragraphs.underHeading', { heading: paragraph.heading, number: paragraphCitation(paragraph.id) })
                      : t('rounds.paragraphs.number', { number: paragraphCitation(paragraph.id) })}
                  </strong>{' '}
                  {excerpt(paragraph.markdown)}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {fieldError('paragraphs')}
      </fieldset>

      {info?.mayAmend && !info.needsAmendment ? (
        <label className="checkbox">
          <input type="checkbox" checked={form.amend} onChange={(event) => update({ amend: event.target.checked })} />
          {t('rounds.position.reservationAmend')}
        </label>
      ) : null}
      {amendmentShown ? (
        <div className="field">
          <p id={`${id}-amendment-label`} className={fieldLabelClass(Boolean(info?.needsAmendment) && !form.noAmendmentPossible)}>
            {t('rounds.position.amendment')}
          </p>
          <p id={`${id}-amendment-hint`} className="field__hint">
            {form.paragraphs.length === 0
              ? t('rounds.position.amendmentPickFirst')
              : info?.needsAmendment
                ? t('rounds.position.amendmentHint')
                : t('rounds.position.reservationAmendmentHint')}
          </p>
          {form.paragraphs.length > 0 ? (
            <AmendmentEditor
              labelId={`${id}-amendment-label`}
              describedBy={[`${id}-amendment-hint`, describedBy('amendment')].filter(Boolean).join(' ')}
              replaced={replaced}
              value={form.amendment}
              disabled={Boolean(info?.needsAmendment) && form.noAmendmentPossible}
              onChange={(amendment) => update({ amendment })}
            />
          ) : null}
          {info?.needsAmendment ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.noAmendmentPossible}
                onChange={(event) => update({ noAmendmentPossible: event.target.checked })}
              />
              {t('rounds.position.noAmendment')}
            </label>
          ) : null}
          {fieldError('amendment')}
        </div>
      ) : null}

      {citable.data && citable.data.length > 0 ? (
        <fieldset className="paragraph-picker">
          <legend className={fieldLabelClass(false)}>{t('rounds.position.evidence')}</legend>
          <p className="field__hint">{t('rounds.position.evidenceHint')}</p>
          <ul className="paragraph-picker__list">
            {citable.data.map((consultation) => (
              <li key={consultation.id}>
                <label className="paragraph-picker__option">
                  <input
                    type="checkbox"
                    checked={evidence.includes(consultation.id)}
                    onChange={(event) => {
                      setSaved(false);
                      setEvidence((list) => (event.target.checked ? [...list, consultation.id] : list.filter((item) => item !== consultation.id)));
                    }}
                  />
                  <span>{t('rounds.position.evidenceOption', { title: consultation.title, responded: consultation.responded, invited: consultation.invited })}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}

      {stopped ? (
        <p className="notice position-form__stopped" role="alert">
          {round.closeCause === 'cancelled' ? t('rounds.position.stoppedCancelled') : t('rounds.position.stoppedClosed')}
        </p>
      ) : null}
      {cast.error ? <ErrorAlert error={cast.error} /> : null}
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('rounds.position.saved')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={cast.isPending || stopped}>
          {cast.isPending ? t('rounds.position.saving') : current ? t('rounds.position.change') : t('rounds.position.submit')}
        </button>
      </div>
    </form>
  );
}
