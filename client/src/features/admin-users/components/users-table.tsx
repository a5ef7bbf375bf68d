import { useTranslation } from 'react-i18next';
import type { User } from '../api/get-users';
import { formatDate } from '../../../lib/dates';
import type { FederationOption } from '../types/federation-option';

interface UsersTableProps {
  users: User[];
  federations: FederationOption[];
  currentUserId: string;
  onEdit: (user: User) => void;
  onToggleActive: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, federations, currentUserId, onEdit, onToggleActive, onResetPassword }: UsersTableProps) {
  const { t } = useTranslation();
  const federationName = (slug: string) => federations.find((federation) => federation.slug === slug)?.name ?? slug;
  const sorted = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  const notApplicable = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('adminUsers.table.notApplicable')}</span>
    </>
  );

  return (
    // Focusable so keyboard users can scroll it sideways on mid-sized screens.
    <div className="table-scroll" role="region" aria-label={t('adminUsers.table.region')} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{t('adminUsers.table.caption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminUsers.table.name')}</th>
            <th scope="col">{t('adminUsers.table.role')}</th>
            <th scope="col">{t('adminUsers.table.federation')}</th>
            <th scope="col">{t('adminUsers.table.mandate')}</th>
            <th scope="col">{t('adminUsers.table.status')}</th>
            <th scope="col">{t('adminUsers.table.lastSignIn')}</th>
            <th scope="col">{t('adminUsers.table.createdAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('adminUsers.table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'is-inactive'}>
              <th scope="row" data-label={t('adminUsers.table.name')}>
                <span className="data-table__name">{user.displayName}</span>
                <span className="data-table__sub">{user.email}</span>
              </th>
              <td data-label={t('adminUsers.table.role')}>{t(`roles.${user.role}`)}</td>
              <td data-label={t('adminUsers.table.federation')}>
                {user.federation ? federationName(user.federation) : notApplicable}
              </td>
              <td data-label={t('adminUsers.table.mandate')}>
                {user.mandate ? t(`mandates.${user.mandate}`) : notApplicable}
              </td>
              <td data-label={t('adminUsers.table.status')}>
                <span className={user.active ? 'badge badge--ok' : 'badge badge--off'}>
                  {user.active ? t('adminUsers.status.active') : t('adminUsers.status.inactive')}
                </span>
                {user.mustChangePassword ? (
                  <span className="badge badge--warn">{t('adminUsers.status.temporaryPassword')}</span>
                ) : null}
              </td>
              <td data-label={t('adminUsers.table.lastSignIn')}>
                {user.lastSignInAt ? (
                  <time dateTime={user.lastSignInAt}>{formatDate(user.lastSignInAt, 'dateTime')}</time>
                ) : (
                  <span className="muted">{t('adminUsers.table.neverSignedIn')}</span>
                )}
              </td>
              <td data-label={t('adminUsers.table.createdAt')}>
                <time dateTime={user.createdAt}>{formatDate(user.createdAt, 'date')}</time>
              </td>
              <td className="data-table__actions">
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => onEdit(user)}
                  aria-label={t('adminUsers.actions.editLabel', { name: user.displayName })}
                >
                  {t('adminUsers.actions.edit')}
                </button>
                {user.id === currentUserId ? null : (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => onResetPassword(user)}
                    aria-label={t('adminUsers.actions.resetLabel', { name: user.displayName })}
                  >
                    {t('adminUsers.actions.reset')}
                  </button>
                )}
                {user.id === currentUserId ? null : (
                  <button
                    type="button"
                    className={user.active ? 'button button--small button--danger-outline' : 'button button--small button--secondary'}
                    onClick={() => onToggleActive(user)}
                    aria-label={
                      user.active
                        ? t('adminUsers.actions.deactivateLabel', { name: user.displayName })
                        : t('adminUsers.actions.reactivateLabel', { name: user.displayName })
                    }
                  >
                    {user.active ? t('adminUsers.actions.deactivate') : t('adminUsers.actions.reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
