import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback/error-alert';
import { Loading } from '../../components/feedback/loading';
import { Page } from '../../components/layout/page';
import { UserManagement } from '../../features/admin-users/components/user-management';
import { useCurrentUser } from '../../lib/session/current-user';
import { useFederations } from '../../lib/api/federations';
import { AdminTabs } from './admin-tabs';

export function AdministrationRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const federations = useFederations();

  return (
    <Page titleId="administration-title" title={t('adminUsers.title')} intro={t('adminUsers.intro')}>
      <AdminTabs />
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
    </Page>
  );
}
