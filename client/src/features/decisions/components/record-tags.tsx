import { OUTCOME_INFO, STANCE_INFO, type RoundOutcome, type Stance } from '@coupole/shared';

/** A stance in the register: symbol and words from shared/, tone as a tint only. */
export function StanceTag({ stance }: { stance: Stance }) {
  const info = STANCE_INFO[stance];
  return (
    <span className={`stance stance--${info.tone}`}>
      <span className="stance__cue" aria-hidden="true">
        {info.cue.symbol}
      </span>
      <span>{info.label}</span>
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
