import {
  CLOSE_CAUSE_INFO,
  NO_ANSWER_INFO,
  OBJECTION_STATE_INFO,
  OUTCOME_INFO,
  ROUND_STATUS_INFO,
  RULE_INFO,
  STANCE_INFO,
} from './stances';
import {
  CLOSE_CAUSES,
  CONSENSUS_RULES,
  OBJECTION_STATES,
  ROUND_OUTCOMES,
  ROUND_STATUSES,
  STANCES,
} from './types';

describe('stance and rule labels', () => {
  it('gives each stance its French label from DESIGN §3, in order', () => {
    expect(STANCES.map((s) => STANCE_INFO[s].label)).toEqual([
      "D’accord",
      "D’accord avec réserves",
      "Je m’abstiens",
      'Objection',
    ]);
    for (const stance of STANCES) expect(STANCE_INFO[stance].key).toBe(stance);
  });

  it('requires a reason exactly for reservations and objections, and an amendment only for objections', () => {
    expect(STANCES.filter((s) => STANCE_INFO[s].reason === 'required')).toEqual(['reservations', 'object']);
    expect(STANCES.filter((s) => STANCE_INFO[s].needsAmendment)).toEqual(['object']);
    expect(STANCES.filter((s) => STANCE_INFO[s].mayAmend)).toEqual(['reservations', 'object']);
  });

  it('gives every stance, and no answer, a distinct cue that does not rely on colour', () => {
    const cues = [...STANCES.map((s) => STANCE_INFO[s].cue), NO_ANSWER_INFO.cue];
    expect(new Set(cues.map((c) => c.icon)).size).toBe(cues.length);
    expect(new Set(cues.map((c) => c.symbol)).size).toBe(cues.length);
  });

  it('labels rules, outcomes, causes, objection states and round statuses in French', () => {
    expect(CONSENSUS_RULES.map((r) => RULE_INFO[r].label)).toEqual([
      'Consensus',
      'Procédure de silence',
      'Consensus approximatif',
    ]);
    expect(ROUND_OUTCOMES.map((o) => OUTCOME_INFO[o].label)).toEqual([
      'Adopté',
      'Adopté avec réserves',
      'Bloqué',
      'Quorum non atteint',
      'Annulé',
    ]);
    for (const table of [RULE_INFO, OUTCOME_INFO, CLOSE_CAUSE_INFO, OBJECTION_STATE_INFO]) {
      for (const info of Object.values(table)) expect(info.description.length).toBeGreaterThan(10);
    }
    expect(Object.keys(CLOSE_CAUSE_INFO)).toEqual([...CLOSE_CAUSES]);
    expect(Object.keys(OBJECTION_STATE_INFO)).toEqual([...OBJECTION_STATES]);
    expect(ROUND_STATUSES.map((s) => ROUND_STATUS_INFO[s].label)).toEqual(['Ouvert', 'Clos']);
  });
});
