import { brusselsLocalToIso, isoToBrusselsLocal } from './brussels-time';

/** A week from now at 17:00 Brussels time: the usual rhythm of the Coupole's written rounds. */
export function defaultDeadline(now: Date): string {
  const inAWeek = new Date(now.getTime() + 7 * 86_400_000);
  return `${isoToBrusselsLocal(inAWeek).slice(0, 10)}T17:00`;
}

export type DeadlineProblem = 'required' | 'invalid' | 'past';

/** Why a datetime-local value cannot be a deadline, or null when it can. */
export function deadlineProblem(local: string, now: Date): DeadlineProblem | null {
  if (local.trim() === '') return 'required';
  const iso = brusselsLocalToIso(local);
  if (!iso) return 'invalid';
  return Date.parse(iso) <= now.getTime() ? 'past' : null;
}
