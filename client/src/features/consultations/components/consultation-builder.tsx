import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  AFFILIATIONS,
  brusselsWallClockToUtc,
  FEDERATION_SLUGS,
  isWallClock,
  PROVINCES,
  QUESTION_KINDS,
  brusselsDate,
  toBrusselsWallClock,
  type Affiliation,
  type FederationSlug,
  type Province,
  type QuestionKind,
} from '@coupole/shared';
import { Page } from '../../../components/layout/page';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useConsultation, useSaveConsultation, useScopeCount, type Consultation, type ConsultationScope } from '../api/consultations';
import '../consultations.css';
import { DateTimeField } from '../../../components/form/date-field';
import { SubmitButton } from '../../../components/form/submit-button';

interface DraftQuestion {
  key: string;
  id?: string;
  kind: QuestionKind;
  label: string;
  options: string;
  required: boolean;
}

let nextKey = 0;
const newKey = () => `k${(nextKey += 1)}`;
const blankQuestion = (): DraftQuestion => ({ key: newKey(), kind: 'single', label: '', options: '', required: true });

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
}

function Checks<T extends string>({ legend, values, chosen, label, onToggle }: { legend: string; values: readonly T[]; chosen: readonly T[] | undefined; label: (value: T) => string; onToggle: (value: T) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="builder__checks">
        {values.map((value) => (
          <label key={value} className="checkbox">
            <input type="checkbox" checked={chosen?.includes(value) ?? false} onChange={() => onToggle(value)} /> {label(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function BuilderForm({ existing }: { existing?: Consultation }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const save = useSaveConsultation(existing?.id);
  const own = user.role === 'representative' ? (user.federation as FederationSlug | null) : null;
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [questions, setQuestions] = useState<DraftQuestion[]>(
    existing?.questions.map((question) => ({ key: newKey(), id: question.id, kind: question.kind, label: question.label, options: (question.options ?? []).join('\n'), required: question.required })) ?? [blankQuestion()],
  );
  const [scope, setScope] = useState<ConsultationScope>(existing?.scope ?? (own ? { affiliations: ['federation'], federations: [own] } : {}));
  const [deadline, setDeadline] = useState(existing ? toBrusselsWallClock(existing.closesAt) : toBrusselsWallClock(new Date(Date.now() + 14 * 24 * 3600 * 1000)).slice(0, 11) + '17:00');
  const [anonymous, setAnonymous] = useState(existing?.anonymous ?? false);
  const [series, setSeries] = useState(existing?.series ?? '');
  const [deadlineError, setDeadlineError] = useState<string>();
  const count = useScopeCount(scope, true);

  const update = (key: string, changes: Partial<DraftQuestion>) => setQuestions((list) => list.map((question) => (question.key === key ? { ...question, ...changes } : question)));
  const move = (index: number, by: -1 | 1) =>
    setQuestions((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isWallClock(deadline)) {
      setDeadlineError(t('consultations.builder.deadlineInvalid'));
      return;
    }
    setDeadlineError(undefined);
    save.mutate(
      {
        title,
        description,
        questions: questions.map((question) => ({
          ...(question.id ? { id: question.id } : {}),
          kind: question.kind,
          label: question.label,
          required: question.required,
          ...(question.kind === 'single' || question.kind === 'multiple'
            ? {
                options: question.options
                  .split('\n')
                  .map((option) => option.trim())
                  .filter(Boolean),
              }
            : {}),
        })),
        scope,
        closesAt: brusselsWallClockToUtc(deadline).toISOString(),
        anonymous,
        series: series.trim() || null,
      },
      { onSuccess: (saved) => void navigate(`/consultations/${saved.id}`) },
    );
  };

  return (
    <form className="builder" onSubmit={submit} noValidate>
      <TextField label={t('consultations.fields.title')} required value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} />
      <div className="field">
        <label htmlFor="consultation-description" className="field__label">
          {t('consultations.fields.description')}
        </label>
        <textarea id="consultation-description" className="field__input" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
      </div>

      <fieldset>
        <legend>{t('consultations.builder.questions')}</legend>
        <ol className="builder__questions">
          {questions.map((question, index) => (
            <li key={question.key} className="builder__question" aria-label={t('consultations.builder.questionN', { n: index + 1 })}>
              <TextField label={t('consultations.builder.label', { n: index + 1 })} required value={question.label} onChange={(event) => update(question.key, { label: event.target.value })} />
              <SelectField
                label={t('consultations.builder.kind')}
                value={question.kind}
                onChange={(event) => update(question.key, { kind: event.target.value as QuestionKind })}
                options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`consultations.kinds.${kind}`) }))}
              />
              {question.kind === 'single' || question.kind === 'multiple' ? (
                <div className="field">
                  <label htmlFor={`options-${question.key}`} className="field__label field__label--required">
                    {t('consultations.builder.options')}
                  </label>
                  <p className="field__hint">{t('consultations.builder.optionsHint')}</p>
                  <textarea id={`options-${question.key}`} className="field__input" rows={3} value={question.options} onChange={(event) => update(question.key, { options: event.target.value })} />
                </div>
              ) : null}
              <div className="builder__question-tools">
                <label className="checkbox">
                  <input type="checkbox" checked={question.required} onChange={(event) => update(question.key, { required: event.target.checked })} /> {t('consultations.builder.required')}
                </label>
                <button type="button" className="button button--secondary button--small" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('consultations.builder.up')}
                  <span className="visually-hidden"> {t('consultations.builder.theQuestion', { n: index + 1 })}</span>
                </button>
                <button type="button" className="button button--secondary button--small" disabled={index === questions.length - 1} onClick={() => move(index, 1)}>
                  {t('consultations.builder.down')}
                  <span className="visually-hidden"> {t('consultations.builder.theQuestion', { n: index + 1 })}</span>
                </button>
                <button type="button" className="button button--danger-outline button--small" disabled={questions.length === 1} onClick={() => setQuestions((list) => list.filter((item) => item.key !== question.key))}>
                  {t('consultations.builder.remove')}
                  <span className="visually-hidden"> {t('consultations.builder.theQuestion', { n: index + 1 })}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => setQuestions((list) => [...list, blankQuestion()])}>
          {t('consultations.builder.add')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('consultations.builder.scope')}</legend>
        {own ? (
          <p>{t('consultations.builder.ownAffiliates', { federation: own.toUpperCase() })}</p>
        ) : (
          <>
            <Checks<Affiliation> legend={t('consultations.builder.affiliations')} values={AFFILIATIONS} chosen={scope.affiliations} label={(value) => t(`ilis.affiliations.${value}`)} onToggle={(value) => setScope((current) => ({ ...current, affiliations: toggle(current.affiliations, value) }))} />
            <Checks<FederationSlug> legend={t('consultations.builder.federations')} values={FEDERATION_SLUGS} chosen={scope.federations} label={(value) => value.toUpperCase()} onToggle={(value) => setScope((current) => ({ ...current, federations: toggle(current.federations, value) }))} />
          </>
        )}
        <Checks<Province> legend={t('consultations.builder.provinces')} values={PROVINCES} chosen={scope.provinces} label={(value) => t(`ilis.provinces.${value}`)} onToggle={(value) => setScope((current) => ({ ...current, provinces: toggle(current.provinces, value) }))} />
        <p className="field__hint">{t('consultations.builder.scopeHint')}</p>
        <p className="builder__count" aria-live="polite">
          {count.data ? t('consultations.builder.reach', { count: count.data.invited }) : count.isError ? t('consultations.builder.reachUnknown') : ''}
        </p>
      </fieldset>

      <DateTimeField label={t('consultations.fields.closesAt')} required minDay={brusselsDate()} value={deadline} error={deadlineError} hint={t('consultations.builder.deadlineHint')} onValueChange={setDeadline} />
      <label className="checkbox">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} /> {t('consultations.builder.anonymous')}
      </label>
      <TextField label={t('consultations.fields.series')} hint={t('consultations.builder.seriesHint')} value={series} onChange={(event) => setSeries(event.target.value)} />

      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <div className="form__actions">
        <SubmitButton label={t('consultations.builder.save')} pendingLabel={t('consultations.builder.saving')} pending={save.isPending} />
        <Link className="button button--secondary" to={existing ? `/consultations/${existing.id}` : '/consultations'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

export function NewConsultationRoute() {
  const { t } = useTranslation();
  return (
    <Page titleId="builder-title" title={t('consultations.builder.newTitle')} intro={t('consultations.builder.intro')}>
      <BuilderForm />
    </Page>
  );
}

export function EditConsultationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  return (
    <Page titleId="builder-title" title={t('consultations.builder.editTitle')}>
      {consultation.isPending ? <Loading /> : null}
      {consultation.isError ? <ErrorAlert error={consultation.error} /> : null}
      {consultation.data ? <BuilderForm existing={consultation.data} /> : null}
    </Page>
  );
}
