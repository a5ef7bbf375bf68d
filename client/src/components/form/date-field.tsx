import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarDays } from 'lucide-react';
import { brusselsDate } from '@coupole/shared';
import { dayWithin, frenchDayText, parseFrenchDay, parseFrenchTime } from '../../lib/calendar-days';
import { formatDay } from '../../lib/dates';
import { CalendarPopover } from './calendar-popover';
import { Field, type FieldControlProps as FieldControl } from './field';
import './date-field.css';

interface DateFieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** `YYYY-MM-DD`, or '' when empty. */
  value: string;
  /**
   * Called with `YYYY-MM-DD` once the text is a day (bounds are checked and said on leaving the
   * field, not enforced), '' when empty, else the text as typed (which the form or the API refuses).
   */
  onValueChange: (day: string) => void;
  min?: string;
  max?: string;
}

/**
 * A day typed as jj/mm/aaaa or picked in a French calendar, whatever the browser's language
 * (a native date input would show mm/dd/yyyy in an English browser).
 */
export function DateField({ label, hint, error, required, disabled, value, onValueChange, min, max }: DateFieldProps) {
  const { t } = useTranslation();
  const day = useDayText(value, onValueChange, min, max);
  return (
    <Field label={label} hint={hint ?? t('form.date.hint')} error={error ?? day.error} required={required}>
      {(control) => <DayInput control={control} day={day} disabled={disabled} min={min} max={max} />}
    </Field>
  );
}

interface DateTimeFieldProps extends Omit<DateFieldProps, 'value' | 'onValueChange' | 'min' | 'max'> {
  /** `YYYY-MM-DDTHH:mm` (a Brussels wall-clock time, like a datetime-local input), or ''. */
  value: string;
  onValueChange: (local: string) => void;
  /** Earliest day offered (`YYYY-MM-DD`). */
  minDay?: string;
}

/** A day (jj/mm/aaaa, or picked) and a 24-hour time (14h30), in French whatever the browser's language. */
export function DateTimeField({ label, hint, error, required, disabled, value, onValueChange, minDay }: DateTimeFieldProps) {
  const { t } = useTranslation();
  const [dayPart, timePart] = value.includes('T') ? value.split('T') : ['', ''];
  const parts = useRef({ day: dayPart, time: timePart });
  const emit = () => onValueChange(parts.current.day && parts.current.time ? `${parts.current.day}T${parts.current.time}` : '');
  const day = useDayText(
    dayPart,
    (next) => {
      parts.current.day = next;
      emit();
    },
    minDay,
  );
  const time = useTimeText(timePart, (next) => {
    parts.current.time = next;
    emit();
  });

  return (
    <Field label={label} hint={hint ?? t('form.dateTime.hint')} error={error ?? day.error ?? time.error} required={required}>
      {(control) => (
        <div className="date-time-field">
          <DayInput control={control} day={day} disabled={disabled} min={minDay} />
          <TimeInput time={time} label={t('form.dateTime.time', { label })} required={required} disabled={disabled} />
        </div>
      )}
    </Field>
  );
}

interface TimeFieldProps extends Omit<DateFieldProps, 'value' | 'onValueChange' | 'min' | 'max'> {
  /** `HH:mm` (24-hour), or ''. */
  value: string;
  /** Called with `HH:mm` once the text is a time of day, '' when empty, else the text as typed. */
  onValueChange: (time: string) => void;
}

/** A 24-hour time typed the French way (14h30, 14:30, 9h), never AM/PM whatever the browser's language. */
export function TimeField({ label, hint, error, required, disabled, value, onValueChange }: TimeFieldProps) {
  const { t } = useTranslation();
  const time = useTimeText(value, onValueChange);
  return (
    <Field label={label} hint={hint ?? t('form.time.hint')} error={error ?? time.error} required={required}>
      {(control) => <TimeInput time={time} control={control} required={required} disabled={disabled} />}
    </Field>
  );
}

interface TimeText {
  text: string;
  error: string | undefined;
  change: (text: string) => void;
  settle: () => void;
}

const timeText = (time: string) => (time ? time.replace(':', 'h') : '');

/** The typed text of a time, kept apart from the value like a day's. */
function useTimeText(value: string, onValueChange: (time: string) => void): TimeText {
  const { t } = useTranslation();
  const [text, setText] = useState(timeText(value));
  const [error, setError] = useState<string>();
  const emitted = useRef(value);
  if (value !== emitted.current) {
    emitted.current = value;
    setText(timeText(value));
    setError(undefined);
  }
  return {
    text,
    error,
    change(next) {
      setText(next);
      setError(undefined);
      const parsed = parseFrenchTime(next) ?? next.trim();
      emitted.current = parsed;
      onValueChange(parsed);
    },
    settle() {
      const parsed = parseFrenchTime(text);
      if (parsed) setText(timeText(parsed));
      else if (text.trim() !== '') setError(t('form.dateTime.invalidTime'));
    },
  };
}

function TimeInput({
  time,
  control,
  label,
  required,
  disabled,
}: {
  time: TimeText;
  control?: FieldControl;
  label?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <input
      className="field__input date-time-field__time"
      {...control}
      aria-label={label}
      aria-invalid={control?.['aria-invalid'] ?? (time.error ? true : undefined)}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('form.dateTime.timePlaceholder')}
      disabled={disabled}
      required={required}
      value={time.text}
      onChange={(event) => time.change(event.target.value)}
      onBlur={time.settle}
    />
  );
}

interface DayText {
  text: string;
  error: string | undefined;
  change: (text: string) => void;
  pick: (day: string) => void;
  settle: () => void;
  chosen: string;
}

/** The typed text of a day field, kept apart from the value so a half-typed day is not lost. */
function useDayText(value: string, onValueChange: (day: string) => void, min?: string, max?: string): DayText {
  const { t } = useTranslation();
  const [text, setText] = useState(frenchDayText(value));
  const [error, setError] = useState<string>();
  const emitted = useRef(value);
  // A new value from outside (a reset, a loaded record) replaces the text; our own echo does not.
  if (value !== emitted.current) {
    emitted.current = value;
    setText(frenchDayText(value));
    setError(undefined);
  }
  const emit = (day: string) => {
    emitted.current = day;
    onValueChange(day);
  };
  const boundsError = () =>
    min ? t('form.date.tooEarly', { min: formatDay(min) }) : max ? t('form.date.tooLate', { max: formatDay(max) }) : undefined;
  return {
    text,
    error,
    chosen: emitted.current,
    change(next) {
      setText(next);
      setError(undefined);
      // A day as `YYYY-MM-DD`; text that is no day goes on as typed, so that a submitted form is
      // refused with the field named instead of silently losing the date.
      emit(parseFrenchDay(next) ?? next.trim());
    },
    pick(day) {
      setText(frenchDayText(day));
      setError(undefined);
      emit(day);
    },
    settle() {
      if (text.trim() === '') return;
      const parsed = parseFrenchDay(text);
      if (!parsed) setError(t('form.date.invalid'));
      else if (!dayWithin(parsed, min, max)) setError(boundsError());
      else setText(frenchDayText(parsed));
    },
  };
}

function DayInput({
  control,
  day,
  disabled,
  min,
  max,
}: {
  control: FieldControl;
  day: DayText;
  disabled?: boolean;
  min?: string;
  max?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="date-field">
      <input
        className="field__input"
        {...control}
        aria-invalid={control['aria-invalid'] ?? (day.error ? true : undefined)}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('form.date.placeholder')}
        disabled={disabled}
        value={day.text}
        onChange={(event) => day.change(event.target.value)}
        onBlur={day.settle}
      />
      <button
        ref={toggle}
        type="button"
        className="date-field__toggle"
        aria-label={t('form.date.open')}
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((current) => !current)}
      >
        <CalendarDays size={18} aria-hidden />
      </button>
      {open ? (
        <CalendarPopover
          initial={day.chosen || (min && brusselsDate() < min ? min : brusselsDate())}
          selected={day.chosen}
          min={min}
          max={max}
          onPick={(picked) => {
            day.pick(picked);
            close();
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
