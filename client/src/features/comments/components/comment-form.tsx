import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

export function CommentForm({ label, submitLabel, pending, error, onSubmit, onCancel, autoFocus }: CommentFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    try {
      await onSubmit(body.trim());
      setBody('');
    } catch {
      // The error is shown from the mutation state; the text stays for another try.
    }
  }

  return (
    <form className="comment-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('comments.mentionHint')}
      </p>
      <textarea
        id={id}
        className="field__input comment-form__input"
        rows={3}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        aria-invalid={empty ? true : undefined}
        aria-describedby={empty ? `${id}-hint ${id}-error` : `${id}-hint`}
        autoFocus={autoFocus}
      />
      {empty ? (
        <p id={`${id}-error`} className="field__error">
          {t('comments.bodyRequired')}
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
