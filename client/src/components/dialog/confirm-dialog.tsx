import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../feedback/error-alert';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  /** The action's refusal, in French (describeApiError). */
  error?: unknown;
  /** Destructive actions (deleting, ending, deactivating) are red; others primary. */
  danger?: boolean;
}

/** A narrow dialog asking to confirm one action; "Annuler" has the focus, so Enter never confirms by mistake. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, pending, error, danger = true }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog size="narrow" title={title} onClose={onClose}>
      {children}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form__actions">
        <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
