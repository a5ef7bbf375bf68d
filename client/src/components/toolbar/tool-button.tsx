import type { ReactNode } from 'react';

interface ToolButtonProps {
  label: string;
  /** Shown in the tooltip after the label, e.g. "Ctrl+B". */
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  /** The toolbar's own look (the document editor's, the amendment editor's). */
  className: string;
  onClick: () => void;
  children: ReactNode;
}

/** A rich-text toolbar's icon button: named for assistive tech, pressed state, keeps the selection. */
export function ToolButton({ label, shortcut, pressed, disabled, className, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      aria-keyshortcuts={shortcut?.replace(/Ctrl/g, 'Control').replace(/Maj/g, 'Shift')}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the selection in the editor while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
