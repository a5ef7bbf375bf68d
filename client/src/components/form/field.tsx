import { useId, type ReactNode } from 'react';
import './form.css';

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  required: boolean | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Renders the control (input, select, textarea) with the props that tie it to the label. */
  children: (control: FieldControlProps) => ReactNode;
}

/** The markup every form field shares: label, hint, control, error, with ids wired for assistive tech. */
export function Field({ label, hint, error, required, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className="field">
      <label htmlFor={id} className={fieldLabelClass(required)}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The asterisk is drawn by CSS with empty alternative text: `required` already tells assistive tech. */
export function fieldLabelClass(required: boolean | undefined): string {
  return required ? 'field__label field__label--required' : 'field__label';
}
