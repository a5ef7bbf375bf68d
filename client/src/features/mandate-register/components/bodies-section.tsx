import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyDto } from '@coupole/shared';
import { ConfirmDialog } from '../../../components/dialog/confirm-dialog';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { FormActions } from '../../../components/form/form-actions';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { fieldErrorLines } from '../../../lib/api-errors';
import { RegisterHead, RowButton } from './register-table';
import { useCreateBody, useDeleteBody, useMandateBodies, useUpdateBody } from '../api/mandates';

type Editing = { mode: 'form'; body?: BodyDto } | { mode: 'delete'; body: BodyDto } | null;

/** The bodies (instances) mandates and meetings refer to: everyone reads them, the secretariat edits them. */
export function BodiesSection({ secretariat }: { secretariat: boolean }) {
  const { t } = useTranslation();
  const bodies = useMandateBodies();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  return (
    <section aria-labelledby="bodies-title" className="register-section">
      <h2 id="bodies-title" className="section-title">
        {t('mandateRegister.bodies.title')}
      </h2>
      {secretariat ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setEditing({ mode: 'form' })}>
            {t('mandateRegister.bodies.add')}
          </button>
        </p>
      ) : null}
      {bodies.isPending ? (
        <Loading />
      ) : bodies.isError ? (
        <ErrorAlert error={bodies.error} onRetry={() => void bodies.refetch()} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <RegisterHead columns={[t('mandateRegister.bodies.name'), t('mandateRegister.bodies.description')]} withActions={secretariat} />
            <tbody>
              {bodies.data.items.map((body) => (
                <tr key={body.id}>
                  <td>
                    <span className="data-table__name">
                      {body.website ? (
                        <a href={body.website} target="_blank" rel="noreferrer noopener">
                          {body.name}
                        </a>
                      ) : (
                        body.name
                      )}
                    </span>
                  </td>
                  <td>{body.description}</td>
                  {secretariat ? (
                    <td className="data-table__actions">
                      <RowButton text={t('mandateRegister.edit')} label={t('mandateRegister.bodies.editLabel', { name: body.name })} onClick={() => setEditing({ mode: 'form', body })} />
                      <RowButton
                        danger
                        text={t('mandateRegister.bodies.delete')}
                        label={t('mandateRegister.bodies.deleteLabel', { name: body.name })}
                        onClick={() => setEditing({ mode: 'delete', body })}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing?.mode === 'form' ? <BodyFormDialog body={editing.body} onClose={close} /> : null}
      {editing?.mode === 'delete' ? <DeleteBodyDialog body={editing.body} onClose={close} /> : null}
    </section>
  );
}

const BODY_FIELDS = ['name', 'description', 'website'] as const;

/** Adds a body, or edits `body` when given. */
function BodyFormDialog({ body, onClose }: { body?: BodyDto; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateBody();
  const update = useUpdateBody(body?.id ?? '');
  const mutation = body ? update : create;
  const [name, setName] = useState(body?.name ?? '');
  const [description, setDescription] = useState(body?.description ?? '');
  const [website, setWebsite] = useState(body?.website ?? '');
  const errors = fieldErrorLines(mutation.error, t, BODY_FIELDS, { body_name_taken: 'name' });

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ name, description, website: website.trim() || null }, { onSuccess: onClose });
  }

  return (
    <Dialog title={body ? t('mandateRegister.bodies.editTitle') : t('mandateRegister.bodies.add')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('mandateRegister.bodies.name')} value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} error={errors.byField.name} />
        <TextAreaField
          label={t('mandateRegister.bodies.description')}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={2000}
          rows={3}
          error={errors.byField.description}
        />
        <TextField
          label={t('mandateRegister.bodies.website')}
          hint={t('mandateRegister.bodies.websiteHint')}
          type="url"
          value={website}
          onChange={(event) => setWebsite(event.target.value)}
          error={errors.byField.website}
        />
        {errors.others.length > 0 ? <ErrorAlert error={mutation.error} messages={errors.others} /> : null}
        <FormActions submitLabel={t('mandateRegister.bodies.submit')} pendingLabel={t('mandateRegister.form.pending')} pending={mutation.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** A body that mandates or meetings name is kept by the server (body_in_use): its French reason is shown here. */
function DeleteBodyDialog({ body, onClose }: { body: BodyDto; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteBody(body.id);
  return (
    <ConfirmDialog
      title={t('mandateRegister.bodies.deleteTitle')}
      confirmLabel={t('mandateRegister.bodies.deleteConfirm')}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
      pending={remove.isPending}
      error={remove.error}
    >
      <p>{t('mandateRegister.bodies.deleteBody', { name: body.name })}</p>
    </ConfirmDialog>
  );
}
