import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate, type MandateDto } from '@coupole/shared';
import { ConfirmDialog } from '../../../components/dialog/confirm-dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { Page } from '../../../components/layout/page';
import { formatDay } from '../../../lib/dates';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useMandates, useUpdateMandate } from '../api/mandates';
import { BodiesSection } from './bodies-section';
import { MandateForm } from './mandate-form';
import { RegisterHead, RowButton } from './register-table';
import '../mandate-register.css';

/**
 * The register of mandates: current (flagged when ending within 60 days) and past, then the
 * bodies. The secretariat adds, edits and ends mandates and edits the bodies; others read.
 */
export function MandatesRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mandates = useMandates();
  const [editing, setEditing] = useState<MandateDto | 'new' | null>(null);
  const [ending, setEnding] = useState<MandateDto | null>(null);
  const secretariat = user.role === 'admin' || user.role === 'facilitator';
  const actions = secretariat ? { onEdit: setEditing, onEnd: setEnding } : undefined;

  return (
    <Page titleId="mandates-title" title={t('mandateRegister.title')} intro={t('mandateRegister.intro')}>
      {secretariat ? (
        editing ? (
          <MandateForm key={editing === 'new' ? 'new' : editing.id} mandate={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        ) : (
          <p>
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
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
            actions={actions}
          />
          <MandateTable
            id="mandates-past"
            title={t('mandateRegister.past')}
            empty={t('mandateRegister.emptyPast')}
            mandates={mandates.data.items.filter((mandate) => mandate.state === 'past')}
            actions={actions}
          />
        </>
      )}
      {ending ? <EndMandateDialog mandate={ending} onClose={() => setEnding(null)} /> : null}
      <BodiesSection secretariat={secretariat} />
    </Page>
  );
}

interface MandateActions {
  onEdit: (mandate: MandateDto) => void;
  onEnd: (mandate: MandateDto) => void;
}

function MandateTable({ id, title, empty, mandates, actions }: { id: string; title: string; empty: string; mandates: MandateDto[]; actions?: MandateActions }) {
  const { t } = useTranslation();
  const today = brusselsDate();
  return (
    <section aria-labelledby={id} className="register-section">
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {mandates.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <RegisterHead
              columns={[
                t('mandateRegister.columns.body'),
                t('mandateRegister.columns.federation'),
                t('mandateRegister.columns.holder'),
                t('mandateRegister.columns.seat'),
                t('mandateRegister.columns.period'),
              ]}
              withActions={Boolean(actions)}
            />
            <tbody>
              {mandates.map((mandate) => (
                <tr key={mandate.id}>
                  <td>
                    <span className="data-table__name">{mandate.body.name}</span>
                  </td>
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
                  {actions ? (
                    <td className="data-table__actions">
                      <RowButton
                        text={t('mandateRegister.edit')}
                        label={t('mandateRegister.editLabel', { body: mandate.body.name, holder: mandate.holder.displayName })}
                        onClick={() => actions.onEdit(mandate)}
                      />
                      {/* Ending sets today as the last day: only for a mandate that has begun and does not end before. */}
                      {mandate.state === 'current' && (mandate.endDate === null || mandate.endDate > today) ? (
                        <RowButton
                          danger
                          text={t('mandateRegister.end')}
                          label={t('mandateRegister.endLabel', { body: mandate.body.name, holder: mandate.holder.displayName })}
                          onClick={() => actions.onEnd(mandate)}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Ending a mandate makes today its last day; it then moves to the past mandates tomorrow. */
function EndMandateDialog({ mandate, onClose }: { mandate: MandateDto; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMandate(mandate.id);
  const today = brusselsDate();
  return (
    <ConfirmDialog
      title={t('mandateRegister.endTitle')}
      confirmLabel={t('mandateRegister.endConfirm')}
      onConfirm={() => update.mutate({ endDate: today }, { onSuccess: onClose })}
      onClose={onClose}
      pending={update.isPending}
      error={update.error}
    >
      <p>{t('mandateRegister.endBody', { holder: mandate.holder.displayName, body: mandate.body.name, date: formatDay(today) })}</p>
    </ConfirmDialog>
  );
}
