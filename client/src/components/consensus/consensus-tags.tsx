import { NO_ANSWER_CASE_INFO, OUTCOME_INFO, STANCE_INFO, type NoAnswerCase, type RoundOutcome, type Stance } from '@coupole/shared';
import './consensus-tags.css';

/**
 * A federation's stance as symbol and words from shared/, tinted by tone: colour is never the only
 * cue. `null` is a federation that has not answered (`noAnswer`: awaited, deemed to agree, never answered).
 */
export function StanceTag({ stance, compact = false, noAnswer = 'waiting' }: { stance: Stance | null; compact?: boolean; noAnswer?: NoAnswerCase }) {
  const info = stance ? STANCE_INFO[stance] : NO_ANSWER_CASE_INFO[noAnswer];
  return (
    <span className={`stance stance--${info.tone}${compact ? ' stance--compact' : ''}`}>
      <span className="stance__cue" aria-hidden="true">
        {info.cue.symbol}
      </span>
      <span className="stance__label">{info.label}</span>
    </span>
  );
}

/** A stance's symbol (hidden from assistive tech) and words, inside a container that tints it. */
export function StanceName({ stance }: { stance: Stance }) {
  return (
    <>
      <span className="stance__cue" aria-hidden="true">
        {STANCE_INFO[stance].cue.symbol}
      </span>
      {STANCE_INFO[stance].label}
    </>
  );
}

/** A round's outcome (rounds and register alike), as symbol and words in a tinted pill. */
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
