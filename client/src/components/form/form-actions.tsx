import { useTranslation } from 'react-i18next';
import './form.css';

interface FormActionsProps {
  /** Label of the submit button. */
  submitLabel: string;
  /** Label while the form is being sent; the button is disabled meanwhile. */
  pendingLabel?: string;
  pending?: boolean;
  onCancel: () => void;
  small?: boolean;
}

/** A form's submit button followed by "Annuler", the order every dialog and form uses. */
export function FormActions({ submitLabel, pendingLabel, pending = false, onCancel, small = false }: FormActionsProps) {
  const { t } = useTranslation();
  const size = small ? ' button--small' : '';
  return (
    <div className="form__actions">
      <button type="submit" className={`button button--primary${size}`} disabled={pending}>
        {pending && pendingLabel ? pendingLabel : submitLabel}
      </button>
      <button type="button" className={`button button--secondary${size}`} onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
