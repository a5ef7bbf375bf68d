import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../lib/dates';
import { useMyActions, useUpdateAction } from '../api/meetings';
import '../agenda.css';

/** The caller's open follow-up actions, with a box to tick each one done. */
export function MyActions() {
  const { t } = useTranslation();
  const actions = useMyActions();
  const update = useUpdateAction();
  if (!actions.data) return null;
  return (
    <section className="meeting-section" aria-labelledby="my-actions-title">
      <h2 id="my-actions-title">{t('agenda.actions.mine')}</h2>
      {actions.data.items.length === 0 ? (
        <p className="muted">{t('agenda.actions.mineEmpty')}</p>
      ) : (
        <ul className="action-list">
          {actions.data.items.map((action) => (
            <li key={action.id} className="action-item">
              <input
                type="checkbox"
                id={`my-action-${action.id}`}
                checked={action.done}
                disabled={update.isPending}
                onChange={(event) => update.mutate({ id: action.id, done: event.target.checked })}
                aria-label={t('agenda.actions.done', { title: action.title })}
              />
              <span>
                <span className="action-item__title">{action.title}</span>
                <span className="action-item__meta">
                  {action.due ? `${t('agenda.actions.dueOn', { date: formatDay(action.due) })} · ` : null}
                  {action.overdue ? <strong>{t('agenda.actions.overdue')} · </strong> : null}
                  <Link to={`/agenda/${action.meetingId}`}>{t('agenda.actions.from', { title: action.meetingTitle })}</Link>
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
