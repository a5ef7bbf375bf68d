import { useTranslation } from 'react-i18next';
import { exportHref } from '../lib/read-only';

export function ExportLinks({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  return (
    <div className="export-links">
      <p>{t('documents.export.intro')}</p>
      <ul className="export-links__list">
        <li>
          <a className="button button--secondary" href={exportHref(documentId, 'md')} download>
            {t('documents.export.md')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={exportHref(documentId, 'docx')} download>
            {t('documents.export.docx')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={`${exportHref(documentId, 'docx')}&suggestions=open`} download>
            {t('documents.export.docxSuggestions')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={exportHref(documentId, 'pdf')} download>
            {t('documents.export.pdf')}
          </a>
        </li>
      </ul>
    </div>
  );
}
