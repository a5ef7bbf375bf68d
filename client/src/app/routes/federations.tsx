import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/page';
import { FederationList } from '../../features/federations/components/federation-list';

export function FederationsRoute() {
  const { t } = useTranslation();
  return (
    <Page titleId="federations-title" title={t('federations.title')} intro={t('federations.intro')}>
      <FederationList />
    </Page>
  );
}
