import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the page, so tabs and screen-reader history stay distinguishable. */
export function useDocumentTitle(pageTitle: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: pageTitle });
  }, [pageTitle, t]);
}
