import './pager.css';
interface PagerProps {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
  /** Already translated: the navigation's name, the two buttons and "1–25 sur 80". */
  labels: { nav: string; previous: string; next: string; range: string };
}

/** Previous / next through a list the server answers by pages (`limit`, `offset`); nothing when one page holds it all. */
export function Pager({ offset, pageSize, total, onChange, labels }: PagerProps) {
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={labels.nav}>
      <button type="button" className="button button--ghost button--small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {labels.previous}
      </button>
      <span>{labels.range}</span>
      <button type="button" className="button button--ghost button--small" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>
        {labels.next}
      </button>
    </nav>
  );
}
