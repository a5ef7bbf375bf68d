import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/dialog/confirm-dialog';
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
    <ConfirmDialog
      title={t('adminUsers.reset.title')}
      confirmLabel={t('adminUsers.reset.confirm')}
      onConfirm={() => mutation.mutate(user.id, { onSuccess: onReset })}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error}
    >
      <p>{t('adminUsers.reset.body', { name: user.displayName, email: user.email })}</p>
    </ConfirmDialog>
  );
}
