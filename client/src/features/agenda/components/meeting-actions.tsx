import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate, type MeetingDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { formatDay } from '../../../lib/dates';
import { useAddAction, usePeople, useUpdateAction } from '../api/meetings';
import { useCurrentUser } from '../../../lib/session/current-user';
import { DateField } from '../../../components/form/date-field';

/** Follow-up actions: the meeting's editors add them; editors and each assignee tick them done. */
export function MeetingActions({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const update = useUpdateAction();
  const add = useAddAction(meeting.id);
  const people = usePeople(meeting.permissions.edit);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { title, assignee: assignee || null, due: due || null },
      {
        onSuccess: () => {
          setTitle('');
          setAssignee('');
          setDue('');
        },
      },
    );
  }

  return (
    <section className="meeting-section" aria-labelledby="meeting-actions">
      <h2 id="meeting-actions">{t('agenda.actions.title')}</h2>
      {meeting.actions.length === 0 ? (
        <p className="muted">{t('agenda.actions.empty')}</p>
      ) : (
        <ul className="action-list">
          {meeting.actions.map((action) => (
            <li key={action.id} className={action.done ? 'action-item action-item--done' : 'action-item'}>
              <input
                type="checkbox"
                checked={action.done}
                disabled={update.isPending || !(meeting.permissions.edit || action.assignee?.id === user.id)}
                onChange={(event) => update.mutate({ id: action.id, done: event.target.checked })}
                aria-label={t('agenda.actions.done', { title: action.title })}
              />
              <span>
                <span className="action-item__title">{action.title}</span>
                <span className="action-item__meta">
                  {action.assignee ? action.assignee.displayName : t('agenda.actions.nobody')}
                  {action.due ? ` · ${t('agenda.actions.dueOn', { date: formatDay(action.due) })}` : null}
                  {action.overdue ? <strong>{` · ${t('agenda.actions.overdue')}`}</strong> : null}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {meeting.permissions.edit ? (
        <form className="form" onSubmit={submit} aria-label={t('agenda.actions.add')}>
          <TextField label={t('agenda.actions.what')} value={title} onChange={(event) => setTitle(event.target.value)} required />
          <SelectField
            label={t('agenda.actions.assignee')}
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
            placeholder={t('agenda.actions.nobody')}
            options={(people.data?.items ?? []).map((person) => ({ value: person.id, label: person.federation ? `${person.displayName} (${person.federation.toUpperCase()})` : person.displayName }))}
          />
          <DateField label={t('agenda.actions.due')} hint="" min={brusselsDate()} value={due} onValueChange={setDue} />
          <FormActions submitLabel={t('agenda.actions.submit')} pending={add.isPending} error={add.error} secondary />
        </form>
      ) : null}
    </section>
  );
}
