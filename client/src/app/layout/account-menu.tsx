import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { ChevronDown } from 'lucide-react';
import type { UserDto } from '@coupole/shared';
import { CHANGE_PASSWORD_PATH } from '../../lib/session/paths';
import { PROFILE_PATH } from '../sections';

interface AccountMenuProps {
  user: UserDto;
  federationName: string | null;
  onLogout: () => void;
  loggingOut: boolean;
}

/** "Nadia Benali" → "NB". */
function initials(name: string): string {
  const words = name.split(/[\s-]+/u).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[words.length - 1][0] : name.slice(0, 2)).toUpperCase();
}

/**
 * The signed-in person behind one button at the header's end (the header then fits on one line
 * with every section): who, profile, password, sign out. A disclosure: Escape closes it and
 * gives the focus back to its button, as does a click elsewhere or a change of page.
 */
export function AccountMenu({ user, federationName, onLogout, loggingOut }: AccountMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  }

  const meta = `${t(`roles.${user.role}`)}${federationName ? ` · ${federationName}` : ''}`;
  return (
    <div ref={root} className="account-menu" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('nav.accountOf', { name: user.displayName })}
        title={`${user.displayName} — ${meta}`}
        onClick={() => setOpen((current) => !current)}
      >
        <span className="account-menu__initials" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <ChevronDown size={16} aria-hidden />
      </button>
      <div id={panelId} className="account-menu__panel" hidden={!open}>
        <p className="account-menu__identity">
          <span className="account-menu__name">{user.displayName}</span>
          <span className="account-menu__meta">{meta}</span>
        </p>
        <ul className="account-menu__items">
          {user.mustChangePassword ? null : (
            <>
              <li>
                <NavLink to={PROFILE_PATH} className="account-menu__item">
                  {t('nav.profile')}
                </NavLink>
              </li>
              <li>
                <NavLink to={CHANGE_PASSWORD_PATH} className="account-menu__item">
                  {t('nav.changePassword')}
                </NavLink>
              </li>
            </>
          )}
          <li>
            <button type="button" className="account-menu__item" onClick={onLogout} disabled={loggingOut}>
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
