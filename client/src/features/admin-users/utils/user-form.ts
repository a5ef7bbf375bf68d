import type { FederationSlug, Mandate, Role } from '@coupole/shared';
import type { CreateUserInput } from '../api/create-user';
import type { User } from '../api/get-users';
import type { UserChanges } from '../api/update-user';

export interface UserFormValues {
  displayName: string;
  email: string;
  role: Role | '';
  federation: FederationSlug | '';
  mandate: Mandate | '';
}

/** Catalogue keys, so the rules stay testable without rendering. */
export type UserFormErrorKey =
  | 'adminUsers.form.errors.displayNameRequired'
  | 'adminUsers.form.errors.emailRequired'
  | 'adminUsers.form.errors.emailInvalid'
  | 'adminUsers.form.errors.roleRequired'
  | 'adminUsers.form.errors.federationRequired'
  | 'adminUsers.form.errors.mandateRequired';

export type UserFormErrors = Partial<Record<keyof UserFormValues, UserFormErrorKey>>;

export const emptyUserForm: UserFormValues = {
  displayName: '',
  email: '',
  role: '',
  federation: '',
  mandate: '',
};

// Deliberately loose: the server has the last word, this only catches typing slips.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function userFormFromUser(user: User): UserFormValues {
  return {
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    federation: user.federation ?? '',
    mandate: user.mandate ?? '',
  };
}

export function validateUserForm(values: UserFormValues, options: { checkEmail: boolean }): UserFormErrors {
  const errors: UserFormErrors = {};
  if (values.displayName.trim() === '') errors.displayName = 'adminUsers.form.errors.displayNameRequired';
  if (options.checkEmail) {
    if (values.email.trim() === '') errors.email = 'adminUsers.form.errors.emailRequired';
    else if (!EMAIL_PATTERN.test(values.email.trim())) errors.email = 'adminUsers.form.errors.emailInvalid';
  }
  if (values.role === '') errors.role = 'adminUsers.form.errors.roleRequired';
  if (values.role === 'representative') {
    if (values.federation === '') errors.federation = 'adminUsers.form.errors.federationRequired';
    if (values.mandate === '') errors.mandate = 'adminUsers.form.errors.mandateRequired';
  }
  return errors;
}

/** Only representatives belong to a federation; the server rejects a federation on other roles. */
export function toCreateUserRequest(values: UserFormValues): CreateUserInput {
  if (values.role === '') throw new Error('validate the form before building the request');
  const request: CreateUserInput = {
    email: values.email.trim(),
    displayName: values.displayName.trim(),
    role: values.role,
  };
  if (values.role === 'representative' && values.federation !== '' && values.mandate !== '') {
    request.federation = values.federation;
    request.mandate = values.mandate;
  }
  return request;
}

/** Sends only what changed, clearing federation and mandate when someone stops representing. */
export function toUpdateUserRequest(values: UserFormValues, original: User): UserChanges {
  if (values.role === '') throw new Error('validate the form before building the request');
  const changes: UserChanges = {};
  const displayName = values.displayName.trim();
  if (displayName !== original.displayName) changes.displayName = displayName;
  if (values.role !== original.role) changes.role = values.role;

  const representative = values.role === 'representative';
  const federation = representative && values.federation !== '' ? values.federation : null;
  const mandate = representative && values.mandate !== '' ? values.mandate : null;
  if (federation !== original.federation) changes.federation = federation;
  if (mandate !== original.mandate) changes.mandate = mandate;
  return changes;
}
