import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../feedback/error-alert';
import { SubmitButton } from './submit-button';
import './form.css';

interface FormActionsProps {
  /** Label of the submit button. */
  submitLabel: string;
  /** Label while the form is being sent; the button is disabled meanwhile. */
  pendingLabel?: string;
  pending?: boolean;
  /** Adds "Annuler" after the submit button. */
  onCancel?: () => void;
  /** The last attempt's error, shown above the buttons. */
  error?: unknown;
  /** A secondary submit button, for a small form inside a page that has its own main action. */
  secondary?: boolean;
  small?: boolean;
}

/** A form's submit button followed by "Annuler", the order every dialog and form uses. */
export function FormActions({ submitLabel, pendingLabel, pending = false, onCancel, error, secondary = false, small = false }: FormActionsProps) {
  const { t } = useTranslation();
  const size = small ? ' button--small' : '';
  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form__actions">
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} pending={pending} secondary={secondary} small={small} />
        {onCancel ? (
          <button type="button" className={`button button--secondary${size}`} onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
