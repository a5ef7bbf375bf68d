import type { ReactNode } from 'react';

interface CardSectionProps {
  /** Id of the section's heading, which names the section for assistive tech. */
  titleId: string;
  title: ReactNode;
  /** A muted line under the heading. */
  intro?: ReactNode;
  /** Extra class on the card, for its own layout. */
  className?: string;
  children?: ReactNode;
}

/** A card of a page: a section named by its h2, an optional muted introduction, then its content. */
export function CardSection({ titleId, title, intro, className, children }: CardSectionProps) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {title}
      </h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
    </section>
  );
}
