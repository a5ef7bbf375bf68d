import { useId, type ReactNode } from 'react';

interface HomeSectionProps {
  title: string;
  /** Shown instead of the list when there is nothing. */
  empty: string;
  count: number;
  /** Spans the whole grid (long lists such as the secretariat's follow-up). */
  wide?: boolean;
  children: ReactNode;
}

/** One block of the home page: a titled region with its count, or a quiet line when empty. */
export function HomeSection({ title, empty, count, wide = false, children }: HomeSectionProps) {
  const id = useId();
  return (
    <section className={wide ? 'home-section home-section--wide' : 'home-section'} aria-labelledby={id}>
      <h2 id={id} className="home-section__title">
        {title}
        {count > 0 ? <span className="home-section__count">{count}</span> : null}
      </h2>
      {count > 0 ? children : <p className="home-section__empty">{empty}</p>}
    </section>
  );
}
