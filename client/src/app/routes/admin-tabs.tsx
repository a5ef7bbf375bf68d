import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './admin-tabs.css';

/** The administration's two pages: accounts, and the mails kept in the outbox. */
export function AdminTabs() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('adminTabs.label')}>
      <ul className="admin-tabs">
        <li>
          <NavLink to="/administration" end className="button button--small button--secondary">
            {t('adminTabs.accounts')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/administration/courriels" className="button button--small button--secondary">
            {t('adminTabs.outbox')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
