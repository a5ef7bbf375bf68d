import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { SubmitButton } from '../../../components/form/submit-button';
import { TextField } from '../../../components/form/text-field';
import { useFormState, type FormErrors } from '../../../hooks/use-form-state';
import { isApiError } from '../../../lib/api/api-error';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordFormProps {
  onSuccess: () => void;
}

const EMPTY = { currentPassword: '', newPassword: '', confirmation: '' };

export function ChangePasswordForm({ onSuccess }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const form = useFormState(EMPTY, ({ currentPassword, newPassword, confirmation }) => {
    const errors: FormErrors<typeof EMPTY> = {};
    if (currentPassword === '') errors.currentPassword = t('auth.changePassword.currentRequired');
    if (newPassword.length < PASSWORD_MIN_LENGTH) {
      errors.newPassword = t('auth.changePassword.tooShort', { count: PASSWORD_MIN_LENGTH });
    } else if (newPassword === currentPassword) {
      errors.newPassword = t('auth.changePassword.sameAsCurrent');
    }
    if (confirmation !== newPassword) errors.confirmation = t('auth.changePassword.mismatch');
    return errors;
  });

  const error = mutation.error;
  // The session is still valid on this page, so 401/403 here mean the current password is wrong.
  const wrongCurrent = isApiError(error) && (error.status === 401 || error.status === 403);

  return (
    <form
      className="form"
      onSubmit={form.submit(({ currentPassword, newPassword }) => mutation.mutate({ currentPassword, newPassword }, { onSuccess }))}
      noValidate
    >
      {error ? <ErrorAlert error={error} messages={wrongCurrent ? [t('auth.changePassword.wrongCurrent')] : undefined} /> : null}
      <TextField
        label={t('auth.changePassword.current')}
        type="password"
        autoComplete="current-password"
        required
        {...form.field('currentPassword')}
      />
      <TextField
        label={t('auth.changePassword.new')}
        hint={t('auth.changePassword.hint', { count: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        {...form.field('newPassword')}
      />
      <TextField label={t('auth.changePassword.confirm')} type="password" autoComplete="new-password" required {...form.field('confirmation')} />
      <SubmitButton label={t('auth.changePassword.submit')} pendingLabel={t('auth.changePassword.submitting')} pending={mutation.isPending} />
    </form>
  );
}
