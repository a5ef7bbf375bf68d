import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { useCurrentUser } from '../../lib/session/current-user';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { HOME_PATH } from '../sections';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [changed, setChanged] = useState(false);
  // Read once: the flag clears as soon as the new password is saved.
  const [forced] = useState(user.mustChangePassword);
  useDocumentTitle(t('auth.changePassword.title'));

  function handleSuccess() {
    if (forced) void navigate(HOME_PATH, { replace: true });
    else setChanged(true);
  }

  return (
    <section className="page page--narrow" aria-labelledby="change-password-title">
      <h1 id="change-password-title" className="page__title" tabIndex={-1}>
        {t('auth.changePassword.title')}
      </h1>
      {forced ? (
        <div className="notice notice--info">
          <p>{t('auth.changePassword.required')}</p>
        </div>
      ) : null}
      {changed ? (
        <div className="notice notice--success" role="status">
          <p>{t('auth.changePassword.success')}</p>
          <Link to={HOME_PATH}>{t('auth.changePassword.continue')}</Link>
        </div>
      ) : (
        <div className="card">
          <ChangePasswordForm onSuccess={handleSuccess} />
        </div>
      )}
    </section>
  );
}
