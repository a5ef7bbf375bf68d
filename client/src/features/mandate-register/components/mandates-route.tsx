import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate, MANDATE_SEATS, type MandateDto, type MandateSeat } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { FormActions } from '../../../components/form/form-actions';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { Page } from '../../../components/layout/page';
import { formatDay } from '../../../lib/dates';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useCreateMandate, useMandateBodies, useMandateHolders, useMandates } from '../api/mandates';

/** The register of mandates: current (flagged when ending within 60 days) and past. */
export function MandatesRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mandates = useMandates();
  const [adding, setAdding] = useState(false);
  const secretariat = user.role === 'admin' || user.role === 'facilitator';

  return (
    <Page titleId="mandates-title" title={t('mandateRegister.title')} intro={t('mandateRegister.intro')}>
      {secretariat ? (
        adding ? (
          <MandateForm onDone={() => setAdding(false)} />
        ) : (
          <p>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              {t('mandateRegister.add')}
            </button>
          </p>
        )
      ) : null}
      {mandates.isPending ? (
        <Loading />
      ) : mandates.isError ? (
        <ErrorAlert error={mandates.error} onRetry={() => void mandates.refetch()} />
      ) : (
        <>
          <MandateTable
            id="mandates-current"
            title={t('mandateRegister.current')}
            empty={t('mandateRegister.emptyCurrent')}
            mandates={mandates.data.items.filter((mandate) => mandate.state !== 'past')}
          />
          <MandateTable id="mandates-past" title={t('mandateRegister.past')} empty={t('mandateRegister.emptyPast')} mandates={mandates.data.items.filter((mandate) => mandate.state === 'past')} />
        </>
      )}
    </Page>
  );
}

function MandateTable({ id, title, empty, mandates }: { id: string; title: string; empty: string; mandates: MandateDto[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {mandates.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('mandateRegister.columns.body')}</th>
                <th scope="col">{t('mandateRegister.columns.federation')}</th>
                <th scope="col">{t('mandateRegister.columns.holder')}</th>
                <th scope="col">{t('mandateRegister.columns.seat')}</th>
                <th scope="col">{t('mandateRegister.columns.period')}</th>
              </tr>
            </thead>
            <tbody>
              {mandates.map((mandate) => (
                <tr key={mandate.id}>
                  <td className="data-table__name">{mandate.body.name}</td>
                  <td>{mandate.federation.toUpperCase()}</td>
                  <td>{mandate.holder.displayName}</td>
                  <td>{t(`mandateRegister.seats.${mandate.seat}`)}</td>
                  <td>
                    {mandate.endDate
                      ? t('mandateRegister.period', { start: formatDay(mandate.startDate), end: formatDay(mandate.endDate) })
                      : t('mandateRegister.since', { start: formatDay(mandate.startDate) })}{' '}
                    {mandate.endingSoon ? <span className="badge badge--warn">{t('mandateRegister.endingSoon')}</span> : null}
                    {mandate.state === 'upcoming' ? <span className="badge">{t('mandateRegister.upcoming')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MandateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const bodies = useMandateBodies();
  const holders = useMandateHolders(true);
  const create = useCreateMandate();
  const [bodyId, setBodyId] = useState('');
  const [holderId, setHolderId] = useState('');
  const [seat, setSeat] = useState<MandateSeat>('titular');
  const [startDate, setStartDate] = useState(brusselsDate());
  const [endDate, setEndDate] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ bodyId, holderId, seat, startDate, endDate: endDate || null }, { onSuccess: onDone });
  }

  return (
    <form className="form card" onSubmit={submit} aria-label={t('mandateRegister.add')}>
      <SelectField
        label={t('mandateRegister.form.body')}
        value={bodyId}
        onChange={(event) => setBodyId(event.target.value)}
        placeholder={t('mandateRegister.form.choose')}
        required
        options={(bodies.data?.items ?? []).map((body) => ({ value: body.id, label: body.name }))}
      />
      <SelectField
        label={t('mandateRegister.form.holder')}
        value={holderId}
        onChange={(event) => setHolderId(event.target.value)}
        placeholder={t('mandateRegister.form.choose')}
        required
        options={(holders.data?.items ?? [])
          .filter((person) => person.federation)
          .map((person) => ({ value: person.id, label: `${person.displayName} (${person.federation!.toUpperCase()})` }))}
      />
      <SelectField
        label={t('mandateRegister.form.seat')}
        value={seat}
        onChange={(event) => setSeat(event.target.value as MandateSeat)}
        options={MANDATE_SEATS.map((value) => ({ value, label: t(`mandateRegister.seats.${value}`) }))}
      />
      <div className="field-row">
        <TextField label={t('mandateRegister.form.start')} type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} required />
        <TextField label={t('mandateRegister.form.end')} type="date" value={endDate} onChange={(event) => setEndDate(event.target.value)} />
      </div>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <FormActions submitLabel={t('mandateRegister.form.submit')} pendingLabel={t('mandateRegister.form.pending')} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
