import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { fieldErrorLines } from '../../../lib/api-errors';
import { useBodies, useLinkableDocuments, usePeople, type MeetingInput } from '../api/meetings';
import { emptyAgendaRow, meetingInput, type AgendaRow, type MeetingFormValues } from '../lib/meeting-form-values';
import { DateField, TimeField } from '../../../components/form/date-field';

interface MeetingFormProps {
  initial: MeetingFormValues;
  submitLabel: string;
  pendingLabel: string;
  /** The create or update mutation's state: its refusal is shown beside the fields it names. */
  pending: boolean;
  error: unknown;
  onSubmit: (input: MeetingInput) => void;
  onCancel: () => void;
}

/**
 * A meeting's details — for scheduling and for editing alike. Date and times are read on a
 * Brussels clock, whatever the browser's zone.
 */
export function MeetingForm({ initial, submitLabel, pendingLabel, pending, error, onSubmit, onCancel }: MeetingFormProps) {
  const { t } = useTranslation();
  const bodies = useBodies();
  const people = usePeople();
  const documents = useLinkableDocuments();
  const [values, setValues] = useState(initial);
  const change = (changes: Partial<MeetingFormValues>) => setValues((current) => ({ ...current, ...changes }));
  const changeRow = (key: number, changes: Partial<AgendaRow>) =>
    setValues((current) => ({ ...current, agenda: current.agenda.map((row) => (row.key === key ? { ...row, ...changes } : row)) }));
  const shown = ['title', 'kind', 'bodyId', 'start', 'end', 'place', 'link', 'attendeeIds', ...values.agenda.flatMap((_row, index) => [`agenda.${index}.title`, `agenda.${index}.documentId`])];
  const errors = fieldErrorLines(error, t, shown);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(meetingInput(values));
  }

  const toggle = (id: string) =>
    change({ attendeeIds: values.attendeeIds.includes(id) ? values.attendeeIds.filter((other) => other !== id) : [...values.attendeeIds, id] });
  const documentOptions = (documents.data?.items ?? []).map((document) => ({ value: document.id, label: document.title }));
  // The agenda rows sent are the non-empty ones: a refusal's index counts those only.
  const sentIndex = (key: number) => values.agenda.filter((row) => row.title.trim()).findIndex((row) => row.key === key);

  return (
    <form className="form" onSubmit={submit}>
      <TextField label={t('agenda.form.name')} value={values.title} onChange={(event) => change({ title: event.target.value })} required maxLength={300} error={errors.byField.title} />
      <div className="field-row">
        <SelectField
          label={t('agenda.form.kind')}
          value={values.kind}
          onChange={(event) => change({ kind: event.target.value as MeetingKind })}
          error={errors.byField.kind}
          options={MEETING_KINDS.map((value) => ({ value, label: t(`agenda.kinds.${value}`) }))}
        />
        <SelectField
          label={t('agenda.form.body')}
          value={values.bodyId}
          onChange={(event) => change({ bodyId: event.target.value })}
          placeholder={t('agenda.form.noBody')}
          error={errors.byField.bodyId}
          options={(bodies.data?.items ?? []).map((body) => ({ value: body.id, label: body.name }))}
        />
      </div>
      <div className="field-row">
        <DateField label={t('agenda.form.date')} value={values.day} onValueChange={(day) => change({ day })} required />
        <TimeField
          label={t('agenda.form.start')}
          hint={t('agenda.form.timeHint')}
          value={values.start}
          onValueChange={(start) => change({ start })}
          required
          error={errors.byField.start}
        />
        <TimeField
          label={t('agenda.form.end')}
          hint={values.endDayOffset > 0 ? t('agenda.form.endLaterDay', { count: values.endDayOffset }) : t('agenda.form.timeHint')}
          value={values.end}
          onValueChange={(end) => change({ end })}
          required
          error={errors.byField.end}
        />
      </div>
      <TextField label={t('agenda.form.place')} value={values.place} onChange={(event) => change({ place: event.target.value })} maxLength={300} error={errors.byField.place} />
      <TextField label={t('agenda.form.link')} type="url" value={values.link} onChange={(event) => change({ link: event.target.value })} error={errors.byField.link} />
      <fieldset className="field" aria-describedby={errors.byField.attendeeIds ? 'meeting-attendees-error' : undefined}>
        <legend className="field__label">{t('agenda.form.attendees')}</legend>
        <div className="attendee-picker">
          {(people.data?.items ?? []).map((person) => (
            <label key={person.id}>
              <input type="checkbox" checked={values.attendeeIds.includes(person.id)} onChange={() => toggle(person.id)} /> {person.displayName}
              {person.federation ? ` (${person.federation.toUpperCase()})` : null}
            </label>
          ))}
        </div>
        {errors.byField.attendeeIds ? (
          <p id="meeting-attendees-error" className="field__error">
            {errors.byField.attendeeIds}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend className="field__label">{t('agenda.form.agenda')}</legend>
        {values.agenda.map((row, index) => (
          <div key={row.key} className="agenda-item-row">
            <TextField
              label={t('agenda.form.agendaItem', { number: index + 1 })}
              value={row.title}
              onChange={(event) => changeRow(row.key, { title: event.target.value })}
              error={errors.byField[`agenda.${sentIndex(row.key)}.title`]}
            />
            <SelectField
              label={t('agenda.form.agendaDocument', { number: index + 1 })}
              value={row.documentId}
              placeholder={t('agenda.form.noDocument')}
              options={documentOptions}
              onChange={(event) => changeRow(row.key, { documentId: event.target.value, roundId: '' })}
              error={errors.byField[`agenda.${sentIndex(row.key)}.documentId`]}
            />
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => change({ agenda: values.agenda.filter((item) => item.key !== row.key) })}
              aria-label={t('agenda.form.removeItem', { number: index + 1 })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => change({ agenda: [...values.agenda, emptyAgendaRow(Math.max(0, ...values.agenda.map((item) => item.key)) + 1)] })}
        >
          {t('agenda.form.addItem')}
        </button>
      </fieldset>
      {errors.others.length > 0 ? <ErrorAlert error={error} messages={errors.others} /> : null}
      <FormActions submitLabel={submitLabel} pendingLabel={pendingLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
