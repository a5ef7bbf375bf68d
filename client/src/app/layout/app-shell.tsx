import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/feedback/error-alert';
import { SkipLink } from '../../components/layout/skip-link';
import { useLogout } from '../../features/auth/api/logout';
import { useCurrentUser } from '../../lib/session/current-user';
import { LOGIN_PATH } from '../../lib/session/paths';
import { useFederations } from '../../lib/api/federations';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { HOME_PATH, sectionsFor } from '../sections';
import { AccountMenu } from './account-menu';

export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // Until a temporary password is replaced, every other page is refused by the server.
  const federations = useFederations({ enabled: !user.mustChangePassword });
  const sections = user.mustChangePassword ? [] : sectionsFor(user.role);
  const federationName = user.federation
    ? (federations.data?.items.find((federation) => federation.slug === user.federation)?.name ??
      user.federation.toUpperCase())
    : null;

  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Announce the new page to screen readers by moving focus to its heading.
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);

  function handleLogout() {
    logout.mutate(undefined, { onSuccess: () => void navigate(LOGIN_PATH, { replace: true }) });
  }

  return (
    <div className="shell">
      <SkipLink target="main" />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={HOME_PATH} className="wordmark">
            <span className="wordmark__mark" aria-hidden="true" />
            <span className="wordmark__text">{t('app.name')}</span>
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-toggle__icon" aria-hidden="true" />
            <span className="menu-toggle__label">{menuOpen ? t('nav.closeMenu') : t('nav.menu')}</span>
          </button>
          <div id="app-menu" className={menuOpen ? 'app-menu is-open' : 'app-menu'}>
            {sections.length > 0 ? (
              <nav className="primary-nav" aria-label={t('nav.label')}>
                <ul>
                  {sections.map((section) => (
                    <li key={section.path}>
                      <NavLink to={`/${section.path}`} className="primary-nav__link">
                        {t(section.label)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </div>
          {/* In the order they are seen, so the tab order follows the eye: sections, bell, account. */}
          <div className="app-header__end">
            {user.mustChangePassword ? null : <NotificationBell />}
            <AccountMenu user={user} federationName={federationName} onLogout={handleLogout} loggingOut={logout.isPending} />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} className="main" tabIndex={-1}>
        {logout.error ? <ErrorAlert error={logout.error} /> : null}
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
