import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { useNow } from '../hooks/use-now';
import { countdown, formatCountdown } from '../lib/countdown';

/** The deadline in Brussels time, and while the round is open the time left, ticking. */
export function CountdownTimer({ closesAt, open }: { closesAt: string; open: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1_000, open);
  const left = countdown(closesAt, now);
  return (
    <span className="countdown">
      <time dateTime={closesAt}>{formatDate(closesAt)}</time>
      {open ? (
        // role=timer is not announced on every tick; the deadline beside it is the stable text.
        <span role="timer" className={left.expired ? 'countdown__left countdown__left--expired' : 'countdown__left'}>
          {left.expired ? formatCountdown(left, t) : t('rounds.countdown.left', { time: formatCountdown(left, t) })}
        </span>
      ) : null}
    </span>
  );
}
