import { useTranslation } from 'react-i18next';
import type { UserDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { SubmitButton } from '../../../components/form/submit-button';
import { TextField } from '../../../components/form/text-field';
import { useFormState, type FormErrors } from '../../../hooks/use-form-state';
import { isApiError } from '../../../lib/api/api-error';
import { useLogin } from '../api/login';

interface LoginFormProps {
  onSuccess: (user: UserDto) => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const form = useFormState({ email: '', password: '' }, ({ email, password }) => {
    const errors: FormErrors<{ email: string; password: string }> = {};
    if (email.trim() === '') errors.email = t('auth.login.emailRequired');
    if (password === '') errors.password = t('auth.login.passwordRequired');
    return errors;
  });

  const error = loginMutation.error;
  let errorMessages: string[] | undefined;
  if (isApiError(error) && error.status === 401) errorMessages = [t('auth.login.invalidCredentials')];
  if (isApiError(error) && error.status === 429) errorMessages = [t('auth.login.tooManyAttempts')];

  return (
    <form
      className="form"
      onSubmit={form.submit(({ email, password }) =>
        loginMutation.mutate({ email: email.trim(), password }, { onSuccess: ({ user }) => onSuccess(user) }),
      )}
      noValidate
    >
      {error ? <ErrorAlert error={error} messages={errorMessages} /> : null}
      <TextField
        label={t('auth.login.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        {...form.field('email')}
      />
      <TextField label={t('auth.login.password')} type="password" autoComplete="current-password" required {...form.field('password')} />
      <SubmitButton label={t('auth.login.submit')} pendingLabel={t('auth.login.submitting')} pending={loginMutation.isPending} block />
    </form>
  );
}
