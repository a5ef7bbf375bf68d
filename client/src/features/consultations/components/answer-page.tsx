import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SCALE_MAX, SCALE_MIN } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiError } from '../../../lib/api/api-error';
import { formatDate } from '../../../lib/dates';
import { useAnswerForm, useSaveAnswer, type AnswerForm } from '../api/answer';
import { clearLocalDraft, problemsByQuestion, readLocalDraft, toItems, toValues, writeLocalDraft, type AnswerValues } from '../lib/answer-draft';
import '../consultations.css';

/** Pause in typing after which the draft is saved on the server too. */
const DRAFT_DELAY_MS = 1_500;

type Question = AnswerForm['consultation']['questions'][number];

function QuestionField({ question, value, problem, onChange }: { question: Question; value: AnswerValues[string] | undefined; problem?: string; onChange: (value: AnswerValues[string]) => void }) {
  const { t } = useTranslation();
  const id = `question-${question.id}`;
  const legend = (
    <legend className="answer__legend">
      {question.label}
      {question.required ? <span className="answer__required"> {t('consultations.answer.required')}</span> : null}
    </legend>
  );
  const error = problem ? (
    <p id={`${id}-error`} className="field__error">
      {problem}
    </p>
  ) : null;
  const described = problem ? `${id}-error` : undefined;

  if (question.kind === 'single' || question.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    const multiple = question.kind === 'multiple';
    return (
      <fieldset className="answer__question" aria-describedby={described} aria-invalid={problem ? true : undefined}>
        {legend}
        {multiple ? <p className="field__hint">{t('consultations.answer.several')}</p> : null}
        {(question.options ?? []).map((option) => (
          <label key={option} className="answer__choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              checked={chosen.includes(option)}
              onChange={(event) => {
                if (!multiple) onChange(option);
                else onChange(event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option));
              }}
            />
            <span>{option}</span>
          </label>
        ))}
        {error}
      </fieldset>
    );
  }
  if (question.kind === 'scale') {
    const points = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => SCALE_MIN + index);
    return (
      <fieldset className="answer__question" aria-describedby={described} aria-invalid={problem ? true : undefined}>
        {legend}
        <p className="field__hint">{t('consultations.answer.scaleHint')}</p>
        <div className="answer__scale">
          {points.map((point) => (
            <label key={point} className="answer__point">
              <input type="radio" name={id} checked={value === point} onChange={() => onChange(point)} />
              <span>{point}</span>
            </label>
          ))}
        </div>
        {error}
      </fieldset>
    );
  }
  return (
    <div className="answer__question">
      <label htmlFor={id} className="answer__legend">
        {question.label}
        {question.required ? <span className="answer__required"> {t('consultations.answer.required')}</span> : null}
      </label>
      {question.kind === 'number' ? (
        <input
          id={id}
          className="field__input"
          type="number"
          inputMode="decimal"
          step="any"
          value={typeof value === 'number' ? value : ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        />
      ) : (
        <textarea
          id={id}
          className="field__input answer__text"
          rows={4}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error}
    </div>
  );
}

function AnswerFormView({ token, form }: { token: string; form: AnswerForm }) {
  const { t } = useTranslation();
  const save = useSaveAnswer(token);
  const draftSave = useSaveAnswer(token);
  const [values, setValues] = useState<AnswerValues>(() => {
    const local = readLocalDraft(token);
    const server = form.draftSavedAt ?? form.submittedAt;
    return local && (!server || local.savedAt > server) ? local.values : toValues(form.answers);
  });
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [closed, setClosed] = useState(form.status === 'closed');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (questionId: string, value: AnswerValues[string]) => {
    const next = { ...values, [questionId]: value };
    setValues(next);
    setDirty(true);
    setConfirmed(false);
    writeLocalDraft(token, next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      draftSave.mutate(
        { answers: toItems(next), draft: true },
        { onError: (error) => isApiError(error) && error.code === 'consultation_closed' && setClosed(true) },
      );
    }, DRAFT_DELAY_MS);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(timer.current);
    save.mutate(
      { answers: toItems(values), draft: false },
      {
        onSuccess: () => {
          setProblems({});
          setDirty(false);
          setConfirmed(true);
          clearLocalDraft(token);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'consultation_closed') setClosed(true);
          if (isApiError(error) && error.code === 'answer_invalid') setProblems(problemsByQuestion(error.messages));
        },
      },
    );
  };

  const deadline = formatDate(form.consultation.closesAt);
  if (closed) {
    return (
      <div className="answer__closed" role="status">
        <h2>{t('consultations.answer.closedTitle')}</h2>
        <p>{new Date(form.consultation.closesAt).getTime() > Date.now() ? t('consultations.answer.closedEarly') : t('consultations.answer.closed', { date: deadline })}</p>
        {form.submittedAt ? <p>{t('consultations.answer.closedAnswered', { date: formatDate(form.submittedAt) })}</p> : null}
      </div>
    );
  }

  const submitted = save.data?.submittedAt ?? form.submittedAt;
  const draftAt = draftSave.data?.draftSavedAt ?? form.draftSavedAt;
  const problemCount = Object.keys(problems).length;
  return (
    <form className="answer__form" onSubmit={submit} noValidate>
      <p className="answer__deadline">{t('consultations.answer.deadline', { date: deadline })}</p>
      {form.consultation.anonymous ? <p className="answer__note">{t('consultations.answer.anonymous')}</p> : null}
      {submitted && !confirmed ? <p className="answer__note">{t('consultations.answer.alreadyAnswered', { date: formatDate(submitted) })}</p> : null}
      {form.consultation.questions.map((question) => (
        <QuestionField key={question.id} question={question} value={values[question.id]} problem={problems[question.id]} onChange={(value) => change(question.id, value)} />
      ))}
      <p className="answer__saved" aria-live="polite">
        {draftSave.isPending ? t('consultations.answer.saving') : dirty && draftAt ? t('consultations.answer.draftSaved', { time: formatDate(draftAt, 'time') }) : dirty ? t('consultations.answer.keptHere') : ''}
      </p>
      {problemCount > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t('consultations.answer.problems', { count: problemCount })}</p>
        </div>
      ) : null}
      {save.isError && !(isApiError(save.error) && save.error.code === 'answer_invalid') ? <ErrorAlert error={save.error} /> : null}
      {confirmed ? (
        <div className="answer__confirmed" role="status">
          <h2>{t('consultations.answer.thanksTitle')}</h2>
          <p>{t('consultations.answer.thanks', { date: deadline })}</p>
        </div>
      ) : null}
      <button type="submit" className="button button--primary button--block answer__submit" disabled={save.isPending}>
        {save.isPending ? t('consultations.answer.sending') : submitted ? t('consultations.answer.resubmit') : t('consultations.answer.submit')}
      </button>
    </form>
  );
}

/** `/repondre/:token`: an ILI answers through its personal link, without an account. */
export function AnswerPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const form = useAnswerForm(token);
  useDocumentTitle(form.data?.consultation.title ?? t('consultations.answer.pageTitle'));

  return (
    <div className="answer">
      <header className="answer__header">
        <p className="answer__brand">{t('consultations.answer.brand')}</p>
      </header>
      <main className="answer__main" aria-labelledby="answer-title">
        {form.isPending ? <Loading /> : null}
        {form.isError ? (
          isApiError(form.error) && form.error.status === 404 ? (
            <>
              <h1 id="answer-title">{t('consultations.answer.unknownTitle')}</h1>
              <p>{t('consultations.answer.unknown')}</p>
            </>
          ) : (
            <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />
          )
        ) : null}
        {form.data ? (
          <>
            <h1 id="answer-title" className="answer__title">
              {form.data.consultation.title}
            </h1>
            <p className="answer__intro">
              {t(form.data.status === 'open' ? 'consultations.answer.intro' : 'consultations.answer.introClosed', { who: form.data.consultation.askedBy, ili: form.data.ili.name })}
            </p>
            {form.data.consultation.description ? <p className="answer__description">{form.data.consultation.description}</p> : null}
            <AnswerFormView token={token} form={form.data} />
          </>
        ) : null}
      </main>
    </div>
  );
}
