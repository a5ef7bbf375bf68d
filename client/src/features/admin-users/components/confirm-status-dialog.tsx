import { useTranslation } from 'react-i18next';
import type { User } from '../api/get-users';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { useUpdateUser } from '../api/update-user';

interface ConfirmStatusDialogProps {
  user: User;
  onClose: () => void;
}

/** Deactivating locks someone out at once, so it is always confirmed; reactivating too, for symmetry. */
export function ConfirmStatusDialog({ user, onClose }: ConfirmStatusDialogProps) {
  const { t } = useTranslation();
  const mutation = useUpdateUser();
  const deactivating = user.active;

  function confirm() {
    mutation.mutate({ id: user.id, changes: { active: !user.active } }, { onSuccess: onClose });
  }

  return (
    <Dialog
      size="narrow"
      title={deactivating ? t('adminUsers.status.deactivateTitle') : t('adminUsers.status.reactivateTitle')}
      onClose={onClose}
    >
      <p>
        {deactivating
          ? t('adminUsers.status.deactivateBody', { name: user.displayName, email: user.email })
          : t('adminUsers.status.reactivateBody', { name: user.displayName, email: user.email })}
      </p>
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <div className="form__actions">
        <button
          type="button"
          className={deactivating ? 'button button--danger' : 'button button--primary'}
          onClick={confirm}
          disabled={mutation.isPending}
        >
          {deactivating ? t('adminUsers.status.deactivateConfirm') : t('adminUsers.status.reactivateConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
