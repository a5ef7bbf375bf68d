import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface DocumentTab {
  id: string;
  label: string;
  count?: number;
  content: ReactNode;
}

interface DocumentTabsProps {
  label: string;
  tabs: DocumentTab[];
  selected: string;
  onSelect: (id: string) => void;
}

/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs, only the selected panel is rendered.
 * The tab list stays on one row and scrolls sideways when the column is narrower than the tabs;
 * the selected tab is always scrolled into view, also when another part of the page selects it.
 */
export function DocumentTabs({ label, tabs, selected, onSelect }: DocumentTabsProps) {
  const id = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const listRef = useRef<HTMLDivElement>(null);

  function handleKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = tabs[(index + move + tabs.length) % tabs.length];
    onSelect(next.id);
    refs.current[next.id]?.focus();
  }

  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];

  useEffect(() => {
    // Scroll the list only (scrollIntoView would also scroll the page to the tabs).
    const list = listRef.current;
    const tab = refs.current[current.id];
    if (!list || !tab) return;
    const start = tab.offsetLeft;
    const end = start + tab.offsetWidth;
    if (start < list.scrollLeft) list.scrollLeft = start;
    else if (end > list.scrollLeft + list.clientWidth) list.scrollLeft = end - list.clientWidth;
  }, [current.id]);

  return (
    <div className="tabs">
      <div ref={listRef} className="tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              refs.current[tab.id] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.id}`}
            className="tabs__tab"
            aria-selected={tab.id === current.id}
            aria-controls={`${id}-panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => handleKeyDown(event, index)}
          >
            {tab.label}
            {tab.count !== undefined ? <span className="tabs__count">({tab.count})</span> : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${current.id}`}
        aria-labelledby={`${id}-tab-${current.id}`}
        className="tabs__panel"
        tabIndex={0}
      >
        {current.content}
      </div>
    </div>
  );
}
