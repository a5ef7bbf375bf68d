import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@coupole/shared';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useCurrentUser } from '../../../lib/session/current-user';

interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
}

export function RequireRole({ roles, children }: RequireRoleProps) {
  const user = useCurrentUser();
  if (!roles.includes(user.role)) return <Forbidden />;
  return children;
}

function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forbidden.title'));
  return (
    <section className="page" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title" className="page__title" tabIndex={-1}>
        {t('auth.forbidden.title')}
      </h1>
      <p>{t('auth.forbidden.body')}</p>
    </section>
  );
}
