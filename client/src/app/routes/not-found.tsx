import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { HOME_PATH } from '../sections';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));

  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="page__title" tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={HOME_PATH}>{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
