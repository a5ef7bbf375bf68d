import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '../api/create-user';
import '../admin-users.css';

interface TemporaryPasswordNoticeProps {
  created: CreatedUser;
  /** A new account, or an existing one whose password an admin reset. */
  reason: 'created' | 'reset';
  onDismiss: () => void;
}

type CopyState = 'idle' | 'copied' | 'manual';

/** The server never shows this password again: the admin must pass it on now. */
export function TemporaryPasswordNotice({ created, reason, onDismiss }: TemporaryPasswordNoticeProps) {
  const { t } = useTranslation();
  const passwordRef = useRef<HTMLElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.temporaryPassword);
      setCopyState('copied');
    } catch {
      // No clipboard access (plain http, denied permission): select it for a manual copy.
      const node = passwordRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopyState('manual');
    }
  }

  return (
    <section className="notice notice--success" aria-labelledby="temporary-password-title" tabIndex={-1}>
      <h2 id="temporary-password-title" className="section-title">
        {reason === 'created'
          ? t('adminUsers.temporaryPassword.title', { name: created.user.displayName })
          : t('adminUsers.temporaryPassword.resetTitle', { name: created.user.displayName })}
      </h2>
      <p>{t('adminUsers.temporaryPassword.intro', { email: created.user.email })}</p>
      <div className="secret">
        <code ref={passwordRef} className="secret__value" aria-label={t('adminUsers.temporaryPassword.label')}>
          {created.temporaryPassword}
        </code>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('adminUsers.temporaryPassword.copy')}
        </button>
      </div>
      <p className="secret__status" role="status">
        {copyState === 'copied' ? t('adminUsers.temporaryPassword.copied') : null}
        {copyState === 'manual' ? t('adminUsers.temporaryPassword.copyManually') : null}
      </p>
      <p className="notice__note">
        {reason === 'created' ? t('adminUsers.temporaryPassword.note') : t('adminUsers.temporaryPassword.resetNote')}
      </p>
      <button type="button" className="button button--primary" onClick={onDismiss}>
        {t('adminUsers.temporaryPassword.dismiss')}
      </button>
    </section>
  );
}
