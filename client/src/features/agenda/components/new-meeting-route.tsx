import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { addDays, brusselsDate, MEETING_KINDS, type MeetingKind } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { Page } from '../../../components/layout/page';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useBodies, useCreateMeeting, useLinkableDocuments, usePeople } from '../api/meetings';
import '../agenda.css';

interface AgendaRow {
  key: number;
  title: string;
  documentId: string;
}

/** Schedules a meeting; date and times are read on a Brussels clock, whatever the browser's zone. */
export function NewMeetingRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const create = useCreateMeeting();
  const bodies = useBodies();
  const people = usePeople();
  const documents = useLinkableDocuments();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('coupole');
  const [bodyId, setBodyId] = useState('');
  const [day, setDay] = useState(addDays(brusselsDate(), 7));
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('12:00');
  const [place, setPlace] = useState('');
  const [link, setLink] = useState('');
  const [attendees, setAttendees] = useState<Set<string>>(new Set([user.id]));
  const [agenda, setAgenda] = useState<AgendaRow[]>([{ key: 1, title: '', documentId: '' }]);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        title,
        kind,
        start: `${day}T${start}`,
        end: `${day}T${end}`,
        place,
        link: link.trim() || null,
        bodyId: bodyId || null,
        attendeeIds: [...attendees],
        agenda: agenda.filter((row) => row.title.trim()).map((row) => ({ title: row.title, documentId: row.documentId || null })),
      },
      { onSuccess: (meeting) => void navigate(`/agenda/${meeting.id}`) },
    );
  }

  const toggle = (id: string) =>
    setAttendees((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const documentOptions = (documents.data?.items ?? []).map((document) => ({ value: document.id, label: document.title }));

  return (
    <Page titleId="new-meeting-title" title={t('agenda.form.title')} className="page--narrow">
      <p className="breadcrumb">
        <Link to="/agenda">{t('agenda.meeting.back')}</Link>
      </p>
      <form className="form" onSubmit={submit}>
        <TextField label={t('agenda.form.name')} value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} />
        <div className="field-row">
          <SelectField
            label={t('agenda.form.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as MeetingKind)}
            options={MEETING_KINDS.map((value) => ({ value, label: t(`agenda.kinds.${value}`) }))}
          />
          <SelectField
            label={t('agenda.form.body')}
            value={bodyId}
            onChange={(event) => setBodyId(event.target.value)}
            placeholder={t('agenda.form.noBody')}
            options={(bodies.data?.items ?? []).map((body) => ({ value: body.id, label: body.name }))}
          />
        </div>
        <div className="field-row">
          <TextField label={t('agenda.form.date')} type="date" value={day} onChange={(event) => setDay(event.target.value)} required />
          <TextField label={t('agenda.form.start')} hint={t('agenda.form.timeHint')} type="time" value={start} onChange={(event) => setStart(event.target.value)} required />
          <TextField label={t('agenda.form.end')} hint={t('agenda.form.timeHint')} type="time" value={end} onChange={(event) => setEnd(event.target.value)} required />
        </div>
        <TextField label={t('agenda.form.place')} value={place} onChange={(event) => setPlace(event.target.value)} maxLength={300} />
        <TextField label={t('agenda.form.link')} type="url" value={link} onChange={(event) => setLink(event.target.value)} />
        <fieldset className="field">
          <legend className="field__label">{t('agenda.form.attendees')}</legend>
          <div className="attendee-picker">
            {(people.data?.items ?? []).map((person) => (
              <label key={person.id}>
                <input type="checkbox" checked={attendees.has(person.id)} onChange={() => toggle(person.id)} /> {person.displayName}
                {person.federation ? ` (${person.federation.toUpperCase()})` : null}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend className="field__label">{t('agenda.form.agenda')}</legend>
          {agenda.map((row, index) => (
            <div key={row.key} className="agenda-item-row">
              <TextField
                label={t('agenda.form.agendaItem', { number: index + 1 })}
                value={row.title}
                onChange={(event) => setAgenda((rows) => rows.map((item) => (item.key === row.key ? { ...item, title: event.target.value } : item)))}
              />
              <SelectField
                label={t('agenda.form.agendaDocument', { number: index + 1 })}
                value={row.documentId}
                placeholder={t('agenda.form.noDocument')}
                options={documentOptions}
                onChange={(event) => setAgenda((rows) => rows.map((item) => (item.key === row.key ? { ...item, documentId: event.target.value } : item)))}
              />
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setAgenda((rows) => rows.filter((item) => item.key !== row.key))}
                aria-label={t('agenda.form.removeItem', { number: index + 1 })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setAgenda((rows) => [...rows, { key: Math.max(0, ...rows.map((item) => item.key)) + 1, title: '', documentId: '' }])}
          >
            {t('agenda.form.addItem')}
          </button>
        </fieldset>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t('agenda.form.pending') : t('agenda.form.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
