import { useTranslation } from 'react-i18next';
import { FederationList } from '../../features/federations/components/federation-list';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function FederationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('federations.title'));

  return (
    <section className="page" aria-labelledby="federations-title">
      <header className="page__header">
        <h1 id="federations-title" className="page__title" tabIndex={-1}>
          {t('federations.title')}
        </h1>
        <p className="page__intro">{t('federations.intro')}</p>
      </header>
      <FederationList />
    </section>
  );
}
