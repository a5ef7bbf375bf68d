import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/page';
import { OutboxList } from '../../features/outbox/components/outbox-list';
import { AdminTabs } from './admin-tabs';

export function OutboxRoute() {
  const { t } = useTranslation();
  return (
    <Page titleId="outbox-title" title={t('outbox.title')} intro={t('outbox.intro')}>
      <AdminTabs />
      <OutboxList />
    </Page>
  );
}
