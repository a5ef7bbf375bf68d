import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { TextField } from '../../../components/form/text-field';
import { isApiError } from '../../../lib/api/api-error';
import { useLogin } from '../api/login';

interface LoginFormProps {
  onSuccess: (user: UserDto) => void;
}

interface FieldErrors {
  email?: string;
  password?: string;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (email.trim() === '') errors.email = t('auth.login.emailRequired');
    if (password === '') errors.password = t('auth.login.passwordRequired');
    return errors;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    loginMutation.mutate(
      { email: email.trim(), password },
      { onSuccess: ({ user }) => onSuccess(user) },
    );
  }

  const error = loginMutation.error;
  let errorMessages: string[] | undefined;
  if (isApiError(error) && error.status === 401) errorMessages = [t('auth.login.invalidCredentials')];
  if (isApiError(error) && error.status === 429) errorMessages = [t('auth.login.tooManyAttempts')];

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {error ? <ErrorAlert error={error} messages={errorMessages} /> : null}
      <TextField
        label={t('auth.login.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        value={email}
        error={fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label={t('auth.login.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="button button--primary button--block" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
      </button>
    </form>
  );
}
