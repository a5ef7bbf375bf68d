import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeEditedDocumentDto } from '@coupole/shared';
import { formatDate } from '../../../lib/dates';
import { HomeSection } from './home-section';

/** Documents others edited since the caller's last visit. */
export function EditedDocumentsSection({ documents }: { documents: HomeEditedDocumentDto[] }) {
  const { t } = useTranslation();
  return (
    <HomeSection title={t('home.edited.title')} empty={t('home.edited.empty')} count={documents.length}>
      <ul className="home-list">
        {documents.map((document) => (
          <li key={document.documentId} className="home-item">
            <Link to={`/documents/${document.documentId}`} className="home-item__link">
              {document.title}
            </Link>
            <p className="home-item__meta">
              {t(`documentStatuses.${document.status}`)} · {t('home.edited.at', { date: formatDate(document.lastEditedAt) })}
            </p>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
