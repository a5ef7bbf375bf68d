import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { useMentionable, type Mentionable } from '../api/get-mentionable';
import { insertMention, matchMentions, mentionQueryAt, type MentionQuery } from '../lib/mention-query';
import { MentionSuggestions, mentionOptionId } from './mention-suggestions';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** The document commented on: typing @ offers its federations and readers. */
  documentId: string;
}

export function CommentForm({ label, submitLabel, pending, error, onSubmit, onCancel, autoFocus, documentId }: CommentFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-mentions`;
  const field = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // Escape closes the list until the caret leaves this @word.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // Where the caret goes once a picked mention is in the field. It is placed in the same commit
  // as the new text: a later frame would move it back under a key typed in between.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const caret = caretAfterPick.current;
    if (caret === null || !field.current) return;
    caretAfterPick.current = null;
    field.current.focus();
    field.current.setSelectionRange(caret, caret);
  }, [body]);
  const mentionable = useMentionable(documentId, mention !== null);
  const suggestions: Mentionable[] = mention && mention.start !== dismissedAt ? matchMentions(mentionable.data?.items ?? [], mention.query) : [];
  const open = suggestions.length > 0;
  const active = Math.min(activeIndex, suggestions.length - 1);

  function follow(text: string, caret: number) {
    const next = mentionQueryAt(text, caret);
    if (next?.start !== mention?.start || next?.query !== mention?.query) setActiveIndex(0);
    if (next?.start !== dismissedAt) setDismissedAt(null);
    setMention(next);
  }

  function pick(item: Mentionable) {
    if (!mention) return;
    const { text, caret } = insertMention(body, mention, item.handle);
    caretAfterPick.current = caret;
    setBody(text);
    setMention(null);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || !mention) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((active + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[active]);
    } else if (event.key === 'Escape') {
      // Closes the list, not the dialog or form around it.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(mention.start);
    }
  }

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
      setMention(null);
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
        {t('comments.mentions.hint')}
      </p>
      <div className="comment-form__field">
        {/* A textarea may not take role="combobox" (ARIA in HTML); it carries the combobox's
            other attributes, and the list is a listbox whose active option it points at. */}
        <textarea
          ref={field}
          id={id}
          className="field__input comment-form__input"
          rows={3}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            follow(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={handleKeyDown}
          onBlur={() => setMention(null)}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? mentionOptionId(listId, active) : undefined}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? `${id}-hint ${id}-error` : `${id}-hint`}
          autoFocus={autoFocus}
        />
        {open ? <MentionSuggestions id={listId} items={suggestions} activeIndex={active} onPick={pick} onHover={setActiveIndex} /> : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {open ? t('comments.mentions.count', { count: suggestions.length }) : ''}
      </p>
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
