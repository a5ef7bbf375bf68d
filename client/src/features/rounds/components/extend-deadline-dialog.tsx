import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate } from '@coupole/shared';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { FormActions } from '../../../components/form/form-actions';
import { TextAreaField } from '../../../components/form/text-area-field';
import { formatDate } from '../../../lib/dates';
import { useExtendDeadline } from '../api/extend-deadline';
import { brusselsLocalToIso, isoToBrusselsLocal } from '../lib/brussels-time';
import { DateTimeField } from '../../../components/form/date-field';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Prolonger l’échéance": a button that opens the form (secretariat). */
export function ExtendDeadlineButton({ roundId, closesAt, small = false }: { roundId: string; closesAt: string; small?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={small ? 'button button--secondary button--small' : 'button button--secondary'} onClick={() => setOpen(true)}>
        {t('rounds.extend.open')}
      </button>
      {open ? <ExtendDeadlineDialog roundId={roundId} closesAt={closesAt} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ExtendDeadlineDialog({ roundId, closesAt, onClose }: { roundId: string; closesAt: string; onClose: () => void }) {
  const { t } = useTranslation();
  const extend = useExtendDeadline(roundId);
  const [deadline, setDeadline] = useState(() => isoToBrusselsLocal(new Date(new Date(closesAt).getTime() + 2 * DAY_MS)));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const iso = brusselsLocalToIso(deadline);
    if (!iso || new Date(iso).getTime() <= new Date(closesAt).getTime()) {
      setError(t('rounds.extend.later'));
      return;
    }
    setError(undefined);
    extend.mutate({ closesAt: iso, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onClose });
  }

  return (
    <Dialog title={t('rounds.extend.title')} onClose={onClose} size="narrow">
      <form onSubmit={submit} noValidate>
        <p>{t('rounds.extend.current', { date: formatDate(closesAt) })}</p>
        <DateTimeField
          label={t('rounds.extend.deadline')}
          hint={t('rounds.extend.hint')}
          required
          minDay={brusselsDate()}
          value={deadline}
          onValueChange={setDeadline}
          error={error}
        />
        <TextAreaField label={t('rounds.extend.reason')} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        {extend.isError ? <ErrorAlert error={extend.error} /> : null}
        <FormActions submitLabel={t('rounds.extend.submit')} pending={extend.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
