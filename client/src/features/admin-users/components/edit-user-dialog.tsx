import { useTranslation } from 'react-i18next';
import type { User } from '../api/get-users';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { useFormState } from '../../../hooks/use-form-state';
import { useUpdateUser } from '../api/update-user';
import type { FederationOption } from '../types/federation-option';
import {
  toUpdateUserRequest,
  userFormFromUser,
  validateUserForm,
  type UserFormErrors,
  type UserFormValues,
} from '../utils/user-form';
import { UserFields } from './user-fields';

interface EditUserDialogProps {
  user: User;
  federations: FederationOption[];
  onClose: () => void;
}

export function EditUserDialog({ user, federations, onClose }: EditUserDialogProps) {
  const { t } = useTranslation();
  const mutation = useUpdateUser();
  const form = useFormState<UserFormValues, UserFormErrors>(
    () => userFormFromUser(user),
    (values) => validateUserForm(values, { checkEmail: false }),
  );

  function save(values: UserFormValues) {
    const changes = toUpdateUserRequest(values, user);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    mutation.mutate({ id: user.id, changes }, { onSuccess: onClose });
  }

  return (
    <Dialog title={t('adminUsers.edit.title', { name: user.displayName })} onClose={onClose}>
      <form className="form" onSubmit={form.submit(save)} noValidate>
        <p className="muted">{t('adminUsers.edit.email', { email: user.email })}</p>
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        <UserFields values={form.values} errors={form.errors} onChange={form.change} federations={federations} withEmail={false} />
        <FormActions
          submitLabel={t('common.save')}
          pendingLabel={t('common.saving')}
          pending={mutation.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
