import type { User } from '../api/get-users';
import {
  emptyUserForm,
  toCreateUserRequest,
  toUpdateUserRequest,
  userFormFromUser,
  validateUserForm,
  type UserFormValues,
} from './user-form';

const representative: User = {
  id: 'u1',
  email: 'nadia@aleap.be',
  displayName: 'Nadia Benali',
  role: 'representative',
  federation: 'aleap',
  mandate: 'titular',
  active: true,
  mustChangePassword: false,
  lastSignInAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function form(values: Partial<UserFormValues>): UserFormValues {
  return { ...emptyUserForm, ...values };
}

describe('validateUserForm', () => {
  it('requires a name, an e-mail address and a role', () => {
    expect(validateUserForm(emptyUserForm, { checkEmail: true })).toEqual({
      displayName: 'adminUsers.form.errors.displayNameRequired',
      email: 'adminUsers.form.errors.emailRequired',
      role: 'adminUsers.form.errors.roleRequired',
    });
  });

  it('rejects an e-mail address without a domain', () => {
    const errors = validateUserForm(form({ displayName: 'A', email: 'nadia@aleap', role: 'observer' }), {
      checkEmail: true,
    });
    expect(errors).toEqual({ email: 'adminUsers.form.errors.emailInvalid' });
  });

  it('requires a federation and a mandate for representatives only', () => {
    const base = { displayName: 'A', email: 'a@b.be' };
    expect(validateUserForm(form({ ...base, role: 'representative' }), { checkEmail: true })).toEqual({
      federation: 'adminUsers.form.errors.federationRequired',
      mandate: 'adminUsers.form.errors.mandateRequired',
    });
    expect(validateUserForm(form({ ...base, role: 'facilitator' }), { checkEmail: true })).toEqual({});
  });

  it('skips the e-mail address when editing, where it cannot change', () => {
    expect(validateUserForm(form({ displayName: 'A', role: 'observer' }), { checkEmail: false })).toEqual({});
  });
});

describe('toCreateUserRequest', () => {
  it('sends federation and mandate for a representative, trimmed fields', () => {
    expect(
      toCreateUserRequest(
        form({ displayName: ' Nadia ', email: ' nadia@aleap.be ', role: 'representative', federation: 'aleap', mandate: 'substitute' }),
      ),
    ).toEqual({ displayName: 'Nadia', email: 'nadia@aleap.be', role: 'representative', federation: 'aleap', mandate: 'substitute' });
  });

  it('leaves federation and mandate out for other roles, even if chosen before switching role', () => {
    expect(
      toCreateUserRequest(form({ displayName: 'T', email: 't@cri.be', role: 'observer', federation: 'aleap', mandate: 'titular' })),
    ).toEqual({ displayName: 'T', email: 't@cri.be', role: 'observer' });
  });
});

describe('toUpdateUserRequest', () => {
  it('sends nothing when nothing changed', () => {
    expect(toUpdateUserRequest(userFormFromUser(representative), representative)).toEqual({});
  });

  it('sends only the changed mandate', () => {
    expect(toUpdateUserRequest({ ...userFormFromUser(representative), mandate: 'substitute' }, representative)).toEqual({
      mandate: 'substitute',
    });
  });

  it('clears federation and mandate when a representative becomes a facilitator', () => {
    expect(toUpdateUserRequest({ ...userFormFromUser(representative), role: 'facilitator' }, representative)).toEqual({
      role: 'facilitator',
      federation: null,
      mandate: null,
    });
  });
});
