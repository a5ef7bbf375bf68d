import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate, FEDERATION_SLUGS, MANDATE_SEATS, type FederationSlug, type MandateDto, type MandateSeat } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { SelectField } from '../../../components/form/select-field';
import { fieldErrorLines } from '../../../lib/api-errors';
import { useCreateMandate, useMandateBodies, useMandateHolders, useUpdateMandate, type MandateInput } from '../api/mandates';
import { DateField } from '../../../components/form/date-field';

const FIELDS = ['bodyId', 'holderId', 'federation', 'seat', 'startDate', 'endDate'] as const;

/** Creates a mandate, or edits `mandate` when given; the server's refusals are shown beside their field. */
export function MandateForm({ mandate, onDone }: { mandate?: MandateDto; onDone: () => void }) {
  const { t } = useTranslation();
  const bodies = useMandateBodies();
  const holders = useMandateHolders(true);
  const create = useCreateMandate();
  const update = useUpdateMandate(mandate?.id ?? '');
  const mutation = mandate ? update : create;
  const [bodyId, setBodyId] = useState(mandate?.body.id ?? '');
  const [holderId, setHolderId] = useState(mandate?.holder.id ?? '');
  const [federation, setFederation] = useState<FederationSlug | ''>((mandate?.federation as FederationSlug | undefined) ?? '');
  const [seat, setSeat] = useState<MandateSeat>(mandate?.seat ?? 'titular');
  const [startDate, setStartDate] = useState(mandate?.startDate ?? brusselsDate());
  const [endDate, setEndDate] = useState(mandate?.endDate ?? '');
  const errors = fieldErrorLines(mutation.error, t, FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row far down the register: the form is brought into view, its title focused.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: MandateInput = { bodyId, holderId, seat, startDate, endDate: endDate || null, ...(federation ? { federation } : {}) };
    mutation.mutate(input, { onSuccess: onDone });
  }

  const title = mandate ? t('mandateRegister.form.editTitle') : t('mandateRegister.add');
  return (
    <form className="form card register-form" onSubmit={submit} aria-label={title}>
      <h2 className="section-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <SelectField
        label={t('mandateRegister.form.body')}
        value={bodyId}
        onChange={(event) => setBodyId(event.target.value)}
        placeholder={t('mandateRegister.form.choose')}
        required
        error={errors.byField.bodyId}
        options={(bodies.data?.items ?? []).map((body) => ({ value: body.id, label: body.name }))}
      />
      <div className="field-row">
        <SelectField
          label={t('mandateRegister.form.holder')}
          value={holderId}
          onChange={(event) => setHolderId(event.target.value)}
          placeholder={t('mandateRegister.form.choose')}
          required
          error={errors.byField.holderId}
          options={(holders.data?.items ?? [])
            .filter((person) => person.federation || person.id === mandate?.holder.id)
            .map((person) => ({ value: person.id, label: person.federation ? `${person.displayName} (${person.federation.toUpperCase()})` : person.displayName }))}
        />
        <SelectField
          label={t('mandateRegister.form.federation')}
          value={federation}
          onChange={(event) => setFederation(event.target.value as FederationSlug | '')}
          placeholder={t('mandateRegister.form.holderFederation')}
          error={errors.byField.federation}
          options={FEDERATION_SLUGS.map((slug) => ({ value: slug, label: slug.toUpperCase() }))}
        />
      </div>
      <SelectField
        label={t('mandateRegister.form.seat')}
        value={seat}
        onChange={(event) => setSeat(event.target.value as MandateSeat)}
        error={errors.byField.seat}
        options={MANDATE_SEATS.map((value) => ({ value, label: t(`mandateRegister.seats.${value}`) }))}
      />
      <div className="field-row">
        <DateField label={t('mandateRegister.form.start')} value={startDate} onValueChange={setStartDate} required error={errors.byField.startDate} />
        <DateField label={t('mandateRegister.form.end')} value={endDate} onValueChange={setEndDate} error={errors.byField.endDate} />
      </div>
      {errors.others.length > 0 ? <ErrorAlert error={mutation.error} messages={errors.others} /> : null}
      <FormActions submitLabel={t('mandateRegister.form.submit')} pendingLabel={t('mandateRegister.form.pending')} pending={mutation.isPending} onCancel={onDone} />
    </form>
  );
}
