import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate, CONSENSUS_RULES, DEFAULT_CONSENSUS_RULE, RULE_INFO, type ConsensusRule } from '@coupole/shared';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { SelectField } from '../../../components/form/select-field';
import { fieldLabelClass } from '../../../components/form/text-field';
import { formatDate } from '../../../lib/dates';
import { useOpenRound } from '../api/open-round';
import { useVersionChoices } from '../api/get-version-choices';
import { brusselsLocalToIso } from '../lib/brussels-time';
import { deadlineProblem, defaultDeadline } from '../lib/default-deadline';
import type { RoundDetail } from '../api/get-round';
import { DateTimeField } from '../../../components/form/date-field';

const DEADLINE_KEYS = {
  required: 'rounds.open.errors.deadlineRequired',
  invalid: 'rounds.open.errors.deadlineInvalid',
  past: 'rounds.open.errors.deadlinePast',
} as const;

interface OpenRoundDialogProps {
  documentId: string;
  onClose: () => void;
  onOpened: (round: RoundDetail) => void;
}

export function OpenRoundDialog({ documentId, onClose, onOpened }: OpenRoundDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const versions = useVersionChoices(documentId);
  const openRound = useOpenRound(documentId);
  const [version, setVersion] = useState('');
  const [question, setQuestion] = useState('');
  const [deadline, setDeadline] = useState(() => defaultDeadline(new Date()));
  const [rule, setRule] = useState<ConsensusRule>(DEFAULT_CONSENSUS_RULE);
  const [autoClose, setAutoClose] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.number - a.number);
  const chosen = version || (items[0] ? String(items[0].number) : '');
  const problem = deadlineProblem(deadline, new Date());
  const errors = submitted
    ? {
        version: chosen ? undefined : t('rounds.open.errors.versionRequired'),
        question: question.trim() ? undefined : t('rounds.open.errors.questionRequired'),
        deadline: problem ? t(DEADLINE_KEYS[problem]) : undefined,
      }
    : {};

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const closesAt = brusselsLocalToIso(deadline);
    if (!chosen || !question.trim() || problem || !closesAt) return;
    openRound.mutate(
      { version: Number(chosen), question: question.trim(), closesAt, rule, autoClose },
      { onSuccess: onOpened },
    );
  }

  return (
    <Dialog title={t('rounds.open.title')} onClose={onClose}>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <>
          <p className="notice notice--info">{t('rounds.open.noVersion')}</p>
          <div className="form__actions">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('rounds.open.understood')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <SelectField
            label={t('rounds.open.version')}
            required
            value={chosen}
            onChange={(event) => setVersion(event.target.value)}
            error={errors.version}
            options={items.map((item) => ({
              value: String(item.number),
              label: [t('rounds.open.versionOption', { number: item.number }), item.label, formatDate(item.createdAt, 'date')]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
          <div className="field">
            <label htmlFor={`${id}-question`} className={fieldLabelClass(true)}>
              {t('rounds.open.question')}
            </label>
            <p id={`${id}-question-hint`} className="field__hint">
              {t('rounds.open.questionHint')}
            </p>
            <textarea
              id={`${id}-question`}
              className="field__input"
              rows={2}
              required
              maxLength={2000}
              value={question}
              aria-invalid={errors.question ? true : undefined}
              aria-describedby={[`${id}-question-hint`, errors.question ? `${id}-question-error` : ''].filter(Boolean).join(' ')}
              onChange={(event) => setQuestion(event.target.value)}
            />
            {errors.question ? (
              <p id={`${id}-question-error`} className="field__error">
                {errors.question}
              </p>
            ) : null}
          </div>
          <DateTimeField
            label={t('rounds.open.deadline')}
            hint={t('rounds.open.deadlineHint')}
            required
            minDay={brusselsDate()}
            value={deadline}
            onValueChange={setDeadline}
            error={errors.deadline}
          />
          <fieldset className="rule-choices">
            <legend className={fieldLabelClass(true)}>{t('rounds.open.rule')}</legend>
            {CONSENSUS_RULES.map((key) => (
              <label key={key} className="rule-choice">
                <input type="radio" name={`${id}-rule`} value={key} checked={rule === key} onChange={() => setRule(key)} />
                <span>
                  <strong>{RULE_INFO[key].label}</strong>
                  <span className="rule-choice__description">{RULE_INFO[key].description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={autoClose} onChange={(event) => setAutoClose(event.target.checked)} />
            {t('rounds.open.autoClose')}
          </label>
          {openRound.error ? <ErrorAlert error={openRound.error} /> : null}
          <div className="form__actions">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={openRound.isPending}>
              {openRound.isPending ? t('rounds.open.opening') : t('rounds.open.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
