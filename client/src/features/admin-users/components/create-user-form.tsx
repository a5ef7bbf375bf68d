import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '../api/create-user';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { useFormState } from '../../../hooks/use-form-state';
import { useCreateUser } from '../api/create-user';
import type { FederationOption } from '../types/federation-option';
import {
  emptyUserForm,
  toCreateUserRequest,
  validateUserForm,
  type UserFormErrors,
  type UserFormValues,
} from '../utils/user-form';
import { UserFields } from './user-fields';

interface CreateUserFormProps {
  federations: FederationOption[];
  onCreated: (response: CreatedUser) => void;
  onCancel: () => void;
}

export function CreateUserForm({ federations, onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateUser();
  const form = useFormState<UserFormValues, UserFormErrors>(emptyUserForm, (values) => validateUserForm(values, { checkEmail: true }));

  return (
    <form
      className="form"
      onSubmit={form.submit((values) => mutation.mutate(toCreateUserRequest(values), { onSuccess: onCreated }))}
      noValidate
      aria-labelledby="create-user-title"
    >
      <h2 id="create-user-title" className="section-title">
        {t('adminUsers.create.title')}
      </h2>
      <p className="muted">{t('adminUsers.create.intro')}</p>
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      <UserFields values={form.values} errors={form.errors} onChange={form.change} federations={federations} withEmail />
      <FormActions
        submitLabel={t('adminUsers.create.submit')}
        pendingLabel={t('adminUsers.create.submitting')}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
