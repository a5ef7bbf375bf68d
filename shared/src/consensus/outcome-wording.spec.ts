import { FEDERATION_SLUGS } from '../domain/federations';
import { noAnswerCase, outcomeDescription, NO_ANSWER_CASE_INFO } from './outcome-wording';
import { OUTCOME_INFO } from './stances';

const participants = FEDERATION_SLUGS;

describe('outcome wording', () => {
  it('says an adoption by silence is one, with the number of federations deemed to agree', () => {
    expect(outcomeDescription({ outcome: 'adopted', rule: 'silence', closeCause: 'deadline', participants, answered: ['aleap'] })).toBe(
      "Le texte est adopté par procédure de silence — 4 fédérations réputées d’accord.",
    );
    expect(
      outcomeDescription({ outcome: 'adopted', rule: 'silence', closeCause: 'deadline', participants, answered: ['aleap', 'caips', 'codef', 'fdss'] }),
    ).toBe("Le texte est adopté par procédure de silence — 1 fédération réputée d’accord.");
    expect(
      outcomeDescription({ outcome: 'adopted_with_reservations', rule: 'silence', closeCause: 'deadline', participants, answered: ['aleap'] }),
    ).toMatch(/^Le texte est adopté par procédure de silence, avec réserves — 4 fédérations réputées d’accord/);
  });

  it('never says "par consensus" under the silence procedure, and keeps the general sentence otherwise', () => {
    expect(outcomeDescription({ outcome: 'adopted', rule: 'silence', closeCause: 'auto_close', participants, answered: participants })).not.toMatch(
      /consensus/,
    );
    expect(outcomeDescription({ outcome: 'adopted', rule: 'consensus', closeCause: 'facilitator', participants, answered: participants })).toBe(
      OUTCOME_INFO.adopted.description,
    );
    // Silence closed early by the facilitator: non-answers are missing, not agreement.
    expect(outcomeDescription({ outcome: 'no_quorum', rule: 'silence', closeCause: 'facilitator', participants, answered: ['aleap'] })).toBe(
      OUTCOME_INFO.no_quorum.description,
    );
  });

  it('tells apart a federation awaited, deemed to agree by silence, and one that never answered', () => {
    expect(noAnswerCase({ status: 'open', rule: 'silence' })).toBe('waiting');
    expect(noAnswerCase({ status: 'closed', rule: 'silence', closeCause: 'deadline' })).toBe('silent_agree');
    expect(noAnswerCase({ status: 'closed', rule: 'silence', closeCause: 'cancelled' })).toBe('never_answered');
    expect(noAnswerCase({ status: 'closed', rule: 'consensus', closeCause: 'deadline' })).toBe('never_answered');
    expect(NO_ANSWER_CASE_INFO.silent_agree.description).not.toMatch(/pas encore/);
    expect(NO_ANSWER_CASE_INFO.never_answered.description).not.toMatch(/pas encore/);
  });
});
