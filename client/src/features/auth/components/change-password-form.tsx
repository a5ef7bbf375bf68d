import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { TextField } from '../../../components/form/text-field';
import { isApiError } from '../../../lib/api/api-error';
import { PASSWORD_MIN_LENGTH } from '@coupole/shared';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordFormProps {
  onSuccess: () => void;
}

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
  confirmation?: string;
}

export function ChangePasswordForm({ onSuccess }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (currentPassword === '') errors.currentPassword = t('auth.changePassword.currentRequired');
    if (newPassword.length < PASSWORD_MIN_LENGTH) {
      errors.newPassword = t('auth.changePassword.tooShort', { count: PASSWORD_MIN_LENGTH });
    } else if (newPassword === currentPassword) {
      errors.newPassword = t('auth.changePassword.sameAsCurrent');
    }
    if (confirmation !== newPassword) errors.confirmation = t('auth.changePassword.mismatch');
    return errors;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    mutation.mutate({ currentPassword, newPassword }, { onSuccess });
  }

  const error = mutation.error;
  // The session is still valid on this page, so 401/403 here mean the current password is wrong.
  const wrongCurrent = isApiError(error) && (error.status === 401 || error.status === 403);

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {error ? (
        <ErrorAlert
          error={error}
          messages={wrongCurrent ? [t('auth.changePassword.wrongCurrent')] : undefined}
        />
      ) : null}
      <TextField
        label={t('auth.changePassword.current')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={currentPassword}
        error={fieldErrors.currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
      />
      <TextField
        label={t('auth.changePassword.new')}
        hint={t('auth.changePassword.hint', { count: PASSWORD_MIN_LENGTH })}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        value={newPassword}
        error={fieldErrors.newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      <TextField
        label={t('auth.changePassword.confirm')}
        type="password"
        name="confirmation"
        autoComplete="new-password"
        required
        value={confirmation}
        error={fieldErrors.confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('auth.changePassword.submitting') : t('auth.changePassword.submit')}
      </button>
    </form>
  );
}
