import { NO_ANSWER_INFO, OUTCOME_INFO, STANCE_INFO, type RoundOutcome, type Stance } from '@coupole/shared';

/** A stance as symbol and words, tinted by tone: colour is never the only cue. */
export function StanceTag({ stance, compact = false }: { stance: Stance | null; compact?: boolean }) {
  const info = stance ? STANCE_INFO[stance] : NO_ANSWER_INFO;
  return (
    <span className={`stance stance--${info.tone}${compact ? ' stance--compact' : ''}`}>
      <span className="stance__cue" aria-hidden="true">
        {info.cue.symbol}
      </span>
      <span className="stance__label">{info.label}</span>
    </span>
  );
}

export function OutcomeTag({ outcome }: { outcome: RoundOutcome }) {
  const info = OUTCOME_INFO[outcome];
  return (
    <span className={`outcome outcome--${outcome}`}>
      <span className="stance__cue" aria-hidden="true">
        {info.cue.symbol}
      </span>
      <span>{info.label}</span>
    </span>
  );
}
