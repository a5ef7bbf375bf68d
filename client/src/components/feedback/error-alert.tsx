import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../lib/api-errors';

interface ErrorAlertProps {
  error: unknown;
  /** Overrides the generic wording for statuses this screen knows better (e.g. 401 on login). */
  messages?: string[];
  onRetry?: () => void;
}

export function ErrorAlert({ error, messages, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const lines = messages ?? describeApiError(error, t);

  return (
    <div className="alert alert--error" role="alert">
      {lines.length === 1 ? (
        <p>{lines[0]}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
