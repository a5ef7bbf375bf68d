import { useTranslation } from 'react-i18next';
import { useVerifyRegister } from '../api/verify-register';

/**
 * The register's hash chain, recomputed by the server on every visit: intact with its length,
 * or the first decision where it breaks. Announced politely when it arrives.
 */
export function IntegrityBadge() {
  const { t } = useTranslation();
  const verify = useVerifyRegister();
  let content;
  let modifier = 'pending';
  if (verify.isPending) {
    content = t('decisions.integrity.checking');
  } else if (verify.isError) {
    modifier = 'unknown';
    content = t('decisions.integrity.unavailable');
  } else if (verify.data.valid) {
    modifier = 'valid';
    // What the viewer may read (an observer: their documents' decisions), as the list below counts.
    content = t('decisions.integrity.valid', { count: verify.data.visible });
  } else {
    modifier = 'broken';
    content = t('decisions.integrity.broken', { seq: verify.data.firstBrokenSeq });
  }
  return (
    <p className={`integrity-badge integrity-badge--${modifier}`} role="status">
      <span className="integrity-badge__cue" aria-hidden="true">
        {modifier === 'valid' ? '✓' : modifier === 'broken' ? '✕' : '…'}
      </span>
      <span>{content}</span>
      {verify.data ? (
        <span className="integrity-badge__head">
          {t('decisions.integrity.head')} <code title={verify.data.head}>{verify.data.head.slice(0, 12)}</code>
        </span>
      ) : null}
    </p>
  );
}
