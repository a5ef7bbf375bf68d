import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DISPATCH_OVERDUE_DAYS, isDispatchable, type DocumentKind, type DocumentStatus } from '@coupole/shared';
import { FormActions } from '../../../components/form/form-actions';
import { TextField } from '../../../components/form/text-field';
import { useCreateDispatch, useDocumentDispatches } from '../api/dispatches';
import { DispatchItem } from './dispatch-item';
import '../follow-up.css';

interface DocumentDispatchesProps {
  documentId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  /** The secretariat records dispatches; members read them; observers never see this panel. */
  canEdit: boolean;
}

/** On an adopted letter, parliamentary question or memorandum: to whom it went and what came back. */
export function DocumentDispatches({ documentId, kind, status, canEdit }: DocumentDispatchesProps) {
  const { t } = useTranslation();
  const adopted = status === 'adopted';
  const dispatches = useDocumentDispatches(documentId, adopted);
  const create = useCreateDispatch(documentId);
  const [recipient, setRecipient] = useState('');
  const [delay, setDelay] = useState(String(DEFAULT_DISPATCH_OVERDUE_DAYS));
  if (!isDispatchable(kind)) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ recipient, overdueAfterDays: Number(delay) }, { onSuccess: () => setRecipient('') });
  }

  return (
    <section className="meeting-section" aria-labelledby="document-dispatches-title">
      <h2 id="document-dispatches-title">{t('followUp.panel.title')}</h2>
      {!adopted ? (
        <p className="muted">{t('followUp.panel.notAdopted')}</p>
      ) : (
        <>
          {dispatches.data?.items.length === 0 ? <p className="muted">{t('followUp.panel.empty')}</p> : null}
          <ul className="dispatch-list">
            {(dispatches.data?.items ?? []).map((dispatch) => (
              <DispatchItem key={dispatch.id} dispatch={dispatch} canEdit={canEdit} showDocument={false} />
            ))}
          </ul>
          {canEdit ? (
            <form className="form" onSubmit={submit} aria-label={t('followUp.panel.add')}>
              <TextField label={t('followUp.panel.recipient')} value={recipient} onChange={(event) => setRecipient(event.target.value)} required maxLength={300} />
              <TextField label={t('followUp.panel.delay')} type="number" min={1} max={365} value={delay} onChange={(event) => setDelay(event.target.value)} required />
              <FormActions submitLabel={t('followUp.panel.submit')} pending={create.isPending} error={create.error} secondary />
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
