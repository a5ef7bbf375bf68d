import { useState, type ChangeEvent, type FormEvent } from 'react';

/** A form's field errors: a message per field in error, none when it is valid. */
export type FormErrors<Values> = Partial<Record<keyof Values, string>>;

/**
 * A form's values and field errors, checked on submit: `submit(send)` runs `validate`, shows its
 * errors and calls `send` only when there are none. `field(name)` gives a text field its value,
 * error and change handler.
 */
export function useFormState<Values extends object, Errors extends FormErrors<Values> = FormErrors<Values>>(
  initial: Values | (() => Values),
  validate: (values: Values) => Errors,
) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors>({} as Errors);

  const change = (changes: Partial<Values>) => setValues((previous) => ({ ...previous, ...changes }));

  const field = <Name extends keyof Values & string>(name: Name) => ({
    name,
    value: values[name] as string,
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => change({ [name]: event.target.value } as Partial<Values>),
  });

  const submit = (send: (values: Values) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length === 0) send(values);
  };

  return { values, errors, change, field, submit };
}
