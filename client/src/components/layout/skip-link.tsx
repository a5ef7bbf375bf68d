import { useTranslation } from 'react-i18next';

/** The first link of every frame: keyboard users jump past the header to the page's main content. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${target}`}>
      {t('app.skipToContent')}
    </a>
  );
}
