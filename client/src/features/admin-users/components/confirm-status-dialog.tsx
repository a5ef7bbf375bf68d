import { useTranslation } from 'react-i18next';
import type { User } from '../api/get-users';
import { ConfirmDialog } from '../../../components/dialog/confirm-dialog';
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
    <ConfirmDialog
      title={deactivating ? t('adminUsers.status.deactivateTitle') : t('adminUsers.status.reactivateTitle')}
      confirmLabel={deactivating ? t('adminUsers.status.deactivateConfirm') : t('adminUsers.status.reactivateConfirm')}
      onConfirm={confirm}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error}
      danger={deactivating}
    >
      <p>
        {deactivating
          ? t('adminUsers.status.deactivateBody', { name: user.displayName, email: user.email })
          : t('adminUsers.status.reactivateBody', { name: user.displayName, email: user.email })}
      </p>
    </ConfirmDialog>
  );
}
