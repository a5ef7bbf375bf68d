import type { TextareaHTMLAttributes } from 'react';
import { Field } from './field';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled multi-line field; `className` is added to the control's own. */
export function TextAreaField({ label, hint, error, required, className, ...textareaProps }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <textarea className={className ? `field__input ${className}` : 'field__input'} {...control} {...textareaProps} />
      )}
    </Field>
  );
}
