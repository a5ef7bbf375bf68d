import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/feedback/error-alert';
import { useLogout } from '../../features/auth/api/logout';
import { useCurrentUser } from '../../lib/session/current-user';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../../lib/session/paths';
import { useFederations } from '../../lib/api/federations';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { HOME_PATH, PROFILE_PATH, sectionsFor } from '../sections';

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
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={HOME_PATH} className="wordmark">
            <span className="wordmark__mark" aria-hidden="true" />
            <span className="wordmark__text">{t('app.name')}</span>
          </Link>
          {user.mustChangePassword ? null : <NotificationBell />}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-toggle__icon" aria-hidden="true" />
            {menuOpen ? t('nav.closeMenu') : t('nav.menu')}
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
            <div className="account" aria-label={t('nav.account')} role="group">
              <p className="account__identity">
                {user.mustChangePassword ? (
                  <span className="account__name">{user.displayName}</span>
                ) : (
                  <NavLink to={PROFILE_PATH} className="account__name account__link" title={t('nav.profile')}>
                    {user.displayName}
                  </NavLink>
                )}
                <span className="account__meta">
                  {t(`roles.${user.role}`)}
                  {federationName ? ` · ${federationName}` : null}
                </span>
              </p>
              <div className="account__actions">
                {user.mustChangePassword ? null : (
                  <NavLink to={CHANGE_PASSWORD_PATH} className="account__link">
                    {t('nav.changePassword')}
                  </NavLink>
                )}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={handleLogout}
                  disabled={logout.isPending}
                >
                  {t('nav.logout')}
                </button>
              </div>
            </div>
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
