import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback/error-alert';
import { Loading } from '../../components/feedback/loading';
import { UserManagement } from '../../features/admin-users/components/user-management';
import { useCurrentUser } from '../../features/auth/hooks/use-current-user';
import { useFederations } from '../../features/federations/api/get-federations';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AdministrationRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const federations = useFederations();
  useDocumentTitle(t('adminUsers.title'));

  return (
    <section className="page" aria-labelledby="administration-title">
      <header className="page__header">
        <h1 id="administration-title" className="page__title" tabIndex={-1}>
          {t('adminUsers.title')}
        </h1>
        <p className="page__intro">{t('adminUsers.intro')}</p>
      </header>
      {federations.isPending ? <Loading /> : null}
      {federations.isError ? (
        <ErrorAlert error={federations.error} onRetry={() => void federations.refetch()} />
      ) : null}
      {federations.data ? (
        <UserManagement
          federations={federations.data.items.map(({ slug, name }) => ({ slug, name }))}
          currentUserId={user.id}
        />
      ) : null}
    </section>
  );
}
