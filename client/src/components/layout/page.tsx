import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../hooks/use-document-title';
import './page.css';

interface PageProps {
  /** Id of the page's h1, which names the section. */
  titleId: string;
  /** The page's heading, also the browser tab's title. */
  title: string;
  intro?: string;
  /** Extra class on the section, for the page's own layout. */
  className?: string;
  /** Shown in the header under the intro (e.g. a status badge). */
  headerExtra?: ReactNode;
  children: ReactNode;
}

/** A routed page: a section named by its h1 (focusable for route changes), with intro and tab title. */
export function Page({ titleId, title, intro, className, headerExtra, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby={titleId}>
      <header className="page__header">
        <h1 id={titleId} className="page__title" tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p className="page__intro">{intro}</p> : null}
        {headerExtra}
      </header>
      {children}
    </section>
  );
}
