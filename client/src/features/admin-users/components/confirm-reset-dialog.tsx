import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import type { CreatedUser } from '../api/create-user';
import type { User } from '../api/get-users';
import { useResetPassword } from '../api/reset-password';

interface ConfirmResetDialogProps {
  user: User;
  onReset: (result: CreatedUser) => void;
  onClose: () => void;
}

/** A reset signs the person out everywhere at once, so it is confirmed first. */
export function ConfirmResetDialog({ user, onReset, onClose }: ConfirmResetDialogProps) {
  const { t } = useTranslation();
  const mutation = useResetPassword();

  return (
    <Dialog size="narrow" title={t('adminUsers.reset.title')} onClose={onClose}>
      <p>{t('adminUsers.reset.body', { name: user.displayName, email: user.email })}</p>
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => mutation.mutate(user.id, { onSuccess: onReset })}
          disabled={mutation.isPending}
        >
          {t('adminUsers.reset.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
