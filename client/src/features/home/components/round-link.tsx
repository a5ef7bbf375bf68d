import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface RoundLinkProps {
  round: { documentId: string; roundId: string; number: number; documentTitle: string };
}

/** A home list item's heading: the round's number and its document's title, leading to the round. */
export function RoundLink({ round }: RoundLinkProps) {
  const { t } = useTranslation();
  return (
    <Link to={`/documents/${round.documentId}/tours/${round.roundId}`} className="home-item__link">
      {t('home.awaiting.round', { number: round.number, title: round.documentTitle })}
    </Link>
  );
}
