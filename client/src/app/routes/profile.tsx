import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/page';
import { useCurrentUser } from '../../lib/session/current-user';
import { CalendarFeedCard } from '../../features/calendar-feed/components/calendar-feed-card';

export function ProfileRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Page titleId="profile-title" title={t('profile.title')} intro={t('profile.intro')} className="page--narrow">
      <p>
        <strong>{user.displayName}</strong> · {user.email} · {t(`roles.${user.role}`)}
      </p>
      <CalendarFeedCard />
    </Page>
  );
}
