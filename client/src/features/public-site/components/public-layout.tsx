import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SkipLink } from '../../../components/layout/skip-link';
import { LOGIN_PATH } from '../../../lib/session/paths';
import { PUBLIC_FEED_URL, usePublicPositions } from '../api/public-site';
import '../public-site.css';

/**
 * The public site's frame: no session, no application menu. The footer publishes the decision
 * register's head, so anyone can note it and later see whether the chain was rewritten.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const positions = usePublicPositions();
  const register = positions.data?.register;
  return (
    <div className="public-site">
      <SkipLink target="public-main" />
      <header className="public-site__header">
        <div className="public-site__bar">
          <Link to="/public" className="public-site__brand">
            <span className="public-site__name">{t('publicSite.brand')}</span>
            <span className="public-site__tagline">{t('publicSite.tagline')}</span>
          </Link>
          <nav className="public-site__nav" aria-label={t('publicSite.navLabel')}>
            <Link to="/public">{t('publicSite.nav.positions')}</Link>
            <a href="/public#informations">{t('publicSite.nav.infos')}</a>
            <a href={PUBLIC_FEED_URL} type="application/atom+xml">
              {t('publicSite.nav.feed')}
            </a>
            <Link to={LOGIN_PATH}>{t('publicSite.nav.members')}</Link>
          </nav>
        </div>
      </header>
      <main id="public-main" className="public-site__main">
        {children}
      </main>
      <footer className="public-site__footer">
        <p>{t('app.footer')}</p>
        {register ? (
          <p className="public-site__register">
            {t('publicSite.register', { count: register.length })}{' '}
            <code className="public-site__hash">{register.head}</code>{' '}
            <a href="/api/decisions/head">{t('publicSite.registerLink')}</a>
          </p>
        ) : null}
      </footer>
    </div>
  );
}
