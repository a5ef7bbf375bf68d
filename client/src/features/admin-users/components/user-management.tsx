import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '../api/create-user';
import type { User } from '../api/get-users';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { useUsers } from '../api/get-users';
import type { FederationOption } from '../types/federation-option';
import { ConfirmResetDialog } from './confirm-reset-dialog';
import { ConfirmStatusDialog } from './confirm-status-dialog';
import { CreateUserForm } from './create-user-form';
import { EditUserDialog } from './edit-user-dialog';
import { TemporaryPasswordNotice } from './temporary-password-notice';
import { UsersTable } from './users-table';

interface UserManagementProps {
  federations: FederationOption[];
  currentUserId: string;
}

export function UserManagement({ federations, currentUserId }: UserManagementProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ result: CreatedUser; reason: 'created' | 'reset' } | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const createButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Move focus to the one-time password so keyboard and screen-reader users land on it.
    if (created) noticeRef.current?.querySelector<HTMLElement>('section')?.focus();
  }, [created]);

  function handleCreated(response: CreatedUser) {
    setCreating(false);
    setCreated({ result: response, reason: 'created' });
  }

  function handleReset(response: CreatedUser) {
    setResetting(null);
    setCreated({ result: response, reason: 'reset' });
  }

  function dismissNotice() {
    setCreated(null);
    createButtonRef.current?.focus();
  }

  function closeCreateForm() {
    setCreating(false);
    createButtonRef.current?.focus();
  }

  return (
    <>
      <div className="toolbar">
        <p className="toolbar__summary">
          {users.data ? t('adminUsers.summary', { count: users.data.total }) : null}
        </p>
        {creating ? null : (
          <button
            ref={createButtonRef}
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('adminUsers.create.open')}
          </button>
        )}
      </div>

      {creating ? (
        <div className="card">
          <CreateUserForm federations={federations} onCreated={handleCreated} onCancel={closeCreateForm} />
        </div>
      ) : null}

      <div ref={noticeRef}>
        {created ? <TemporaryPasswordNotice created={created.result} reason={created.reason} onDismiss={dismissNotice} /> : null}
      </div>

      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <UsersTable
          users={users.data.items}
          federations={federations}
          currentUserId={currentUserId}
          onEdit={setEditing}
          onToggleActive={setToggling}
          onResetPassword={setResetting}
        />
      ) : null}

      {editing ? (
        <EditUserDialog user={editing} federations={federations} onClose={() => setEditing(null)} />
      ) : null}
      {toggling ? <ConfirmStatusDialog user={toggling} onClose={() => setToggling(null)} /> : null}
      {resetting ? <ConfirmResetDialog user={resetting} onReset={handleReset} onClose={() => setResetting(null)} /> : null}
    </>
  );
}
