import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/dates';
import { useRounds } from '../api/get-rounds';

/** On a document under a round: says so, with the deadline and a link to the round page. */
export function RoundBanner({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const rounds = useRounds(documentId);
  const open = rounds.data?.items.find((round) => round.status === 'open');
  if (!open) return null;
  return (
    <div className="notice notice--info round-banner" role="status">
      <p>
        {t('rounds.banner.text', { number: open.number, version: open.version, date: formatDate(open.closesAt) })}{' '}
        <Link to={`/documents/${documentId}/tours/${open.id}`}>{t('rounds.banner.link', { number: open.number })}</Link>
      </p>
    </div>
  );
}
