import { useId, type SelectHTMLAttributes } from 'react';
import { fieldLabelClass } from './text-field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: SelectOption[];
  /** Label of an empty first option; omit when a value is always chosen. */
  placeholder?: string;
  error?: string;
}

export function SelectField({
  label,
  options,
  placeholder,
  error,
  required,
  ...selectProps
}: SelectFieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className="field">
      <label htmlFor={id} className={fieldLabelClass(required)}>
        {label}
      </label>
      <select
        id={id}
        className="field__input field__input--select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...selectProps}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
