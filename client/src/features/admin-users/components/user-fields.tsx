import { useTranslation } from 'react-i18next';
import { MANDATES, ROLES, type FederationSlug, type Mandate, type Role } from '@coupole/shared';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import type { FederationOption } from '../types/federation-option';
import type { UserFormErrors, UserFormValues } from '../utils/user-form';

interface UserFieldsProps {
  values: UserFormValues;
  errors: UserFormErrors;
  onChange: (changes: Partial<UserFormValues>) => void;
  federations: FederationOption[];
  /** The e-mail address is the login: chosen at creation, not edited afterwards. */
  withEmail: boolean;
}

export function UserFields({ values, errors, onChange, federations, withEmail }: UserFieldsProps) {
  const { t } = useTranslation();
  const error = (field: keyof UserFormValues) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };

  return (
    <>
      <TextField
        label={t('adminUsers.form.displayName')}
        name="displayName"
        autoComplete="off"
        required
        value={values.displayName}
        error={error('displayName')}
        onChange={(event) => onChange({ displayName: event.target.value })}
      />
      {withEmail ? (
        <TextField
          label={t('adminUsers.form.email')}
          type="email"
          name="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={values.email}
          error={error('email')}
          onChange={(event) => onChange({ email: event.target.value })}
        />
      ) : null}
      <SelectField
        label={t('adminUsers.form.role')}
        name="role"
        required
        placeholder={t('adminUsers.form.choose')}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={values.role}
        error={error('role')}
        onChange={(event) => onChange({ role: event.target.value as Role | '' })}
      />
      {values.role === 'representative' ? (
        <div className="field-row">
          <SelectField
            label={t('adminUsers.form.federation')}
            name="federation"
            required
            placeholder={t('adminUsers.form.choose')}
            options={federations.map((federation) => ({ value: federation.slug, label: federation.name }))}
            value={values.federation}
            error={error('federation')}
            onChange={(event) => onChange({ federation: event.target.value as FederationSlug | '' })}
          />
          <SelectField
            label={t('adminUsers.form.mandate')}
            name="mandate"
            required
            placeholder={t('adminUsers.form.choose')}
            options={MANDATES.map((mandate) => ({ value: mandate, label: t(`mandates.${mandate}`) }))}
            value={values.mandate}
            error={error('mandate')}
            onChange={(event) => onChange({ mandate: event.target.value as Mandate | '' })}
          />
        </div>
      ) : null}
    </>
  );
}
