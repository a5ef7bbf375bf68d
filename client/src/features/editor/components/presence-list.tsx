import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { initials, presentUsers, textColourOn, type PresentUser } from '../lib/presence';

export function usePresentUsers(awareness: Awareness, selfUserId: string): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>(() => presentUsers(awareness.getStates(), selfUserId));
  useEffect(() => {
    const update = () => setUsers(presentUsers(awareness.getStates(), selfUserId));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, selfUserId]);
  return users;
}

export function PresenceList({ users }: { users: PresentUser[] }) {
  const { t } = useTranslation();
  return (
    <section className="presence" aria-label={t('editor.presence.label')}>
      <h2 className="visually-hidden">{t('editor.presence.label')}</h2>
      <ul className="presence__list">
        {users.map((user) => (
          <li key={user.userId} className="presence__person">
            <span
              className="presence__avatar"
              style={{ backgroundColor: user.color, color: textColourOn(user.color) }}
              aria-hidden="true"
            >
              {initials(user.name)}
            </span>
            <span className="presence__name">
              {user.isSelf ? t('editor.presence.self', { name: user.name }) : user.name}
              {user.federationName ? <span className="presence__federation">{user.federationName}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
