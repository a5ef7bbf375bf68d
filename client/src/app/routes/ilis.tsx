import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/layout/page';
import { IlisDirectory } from '../../features/ilis/components/ilis-directory';
import { IlisLandscape } from '../../features/ilis/components/ilis-landscape';

export function IlisRoute() {
  const { t } = useTranslation();
  return (
    <Page
      titleId="ilis-title"
      title={t('ilis.directory.title')}
      intro={t('ilis.directory.intro')}
      headerExtra={<Link to="/ilis/paysage">{t('ilis.landscape.link')}</Link>}
    >
      <IlisDirectory />
    </Page>
  );
}

export function IlisLandscapeRoute() {
  const { t } = useTranslation();
  return (
    <Page titleId="landscape-title" title={t('ilis.landscape.title')} intro={t('ilis.landscape.intro')} headerExtra={<Link to="/ilis">{t('ilis.landscape.back')}</Link>}>
      <IlisLandscape />
    </Page>
  );
}
