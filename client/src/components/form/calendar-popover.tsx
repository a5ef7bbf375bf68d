import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { addDays, brusselsDate } from '@coupole/shared';
import { addMonths, dayWithin, monthWeeks } from '../../lib/calendar-days';
import { formatDay } from '../../lib/dates';

interface CalendarPopoverProps {
  /** The day shown first and focused: the chosen day, else today. */
  initial: string;
  selected: string;
  min?: string;
  max?: string;
  onPick: (day: string) => void;
  onClose: () => void;
}

/** Monday first, as Belgian calendars: [full name, column heading] catalogue keys. */
const WEEKDAYS = [
  ['form.date.weekdays.monday', 'form.date.weekdaysShort.monday'],
  ['form.date.weekdays.tuesday', 'form.date.weekdaysShort.tuesday'],
  ['form.date.weekdays.wednesday', 'form.date.weekdaysShort.wednesday'],
  ['form.date.weekdays.thursday', 'form.date.weekdaysShort.thursday'],
  ['form.date.weekdays.friday', 'form.date.weekdaysShort.friday'],
  ['form.date.weekdays.saturday', 'form.date.weekdaysShort.saturday'],
  ['form.date.weekdays.sunday', 'form.date.weekdaysShort.sunday'],
] as const;

/**
 * A month grid in French, Monday first: arrows move by day and week, Page Up/Down by month,
 * Home/End to the week's ends, Enter picks, Escape closes (the WAI-ARIA date picker dialog).
 */
export function CalendarPopover({ initial, selected, min, max, onPick, onClose }: CalendarPopoverProps) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(initial);
  const grid = useRef<HTMLTableElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  useEffect(() => {
    const outside = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent) {
    const weekday = (new Date(`${focused}T12:00:00Z`).getUTCDay() + 6) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, -1),
      PageDown: () => addMonths(focused, 1),
      Home: () => addDays(focused, -weekday),
      End: () => addDays(focused, 6 - weekday),
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setFocused(move());
  }

  const monthTitle = formatDay(`${focused.slice(0, 7)}-01`, 'month');
  return (
    <div ref={root} className="calendar-popover" role="dialog" aria-modal="false" aria-label={t('form.date.dialog', { month: monthTitle })}>
      <div className="calendar-popover__header">
        <button type="button" className="calendar-popover__nav" aria-label={t('form.date.previousMonth')} onClick={() => setFocused(addMonths(focused, -1))}>
          <ChevronLeft size={18} aria-hidden />
        </button>
        <p className="calendar-popover__month" aria-live="polite">
          {monthTitle}
        </p>
        <button type="button" className="calendar-popover__nav" aria-label={t('form.date.nextMonth')} onClick={() => setFocused(addMonths(focused, 1))}>
          <ChevronRight size={18} aria-hidden />
        </button>
      </div>
      <table ref={grid} className="calendar-popover__grid" role="grid" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {WEEKDAYS.map(([full, short]) => (
              <th key={full} scope="col" abbr={t(full)}>
                {t(short)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focused).map((week, index) => (
            <tr key={index}>
              {week.map((day, column) =>
                day ? (
                  <td key={day}>
                    <button
                      type="button"
                      data-day={day}
                      className="calendar-popover__day"
                      tabIndex={day === focused ? 0 : -1}
                      aria-pressed={day === selected}
                      aria-current={day === brusselsDate() ? 'date' : undefined}
                      aria-label={formatDay(day, 'weekdayDate')}
                      disabled={!dayWithin(day, min, max)}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                ) : (
                  <td key={`empty-${column}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
