import type { FederationSlug } from '../domain/federations';
import type { CastPositionDto, ObjectionAnswers, ObjectionDto } from './dto';
import { explainOutcome } from './outcome';
import { orderedParticipants, positionsByParticipant } from './tally';
import type { CloseCause, ConsensusRule, ObjectionEvent, ObjectionState } from './types';

/** Only an open objection moves; the three other states are final. */
export const OBJECTION_TRANSITIONS: Readonly<
  Record<ObjectionState, Readonly<Partial<Record<ObjectionEvent, ObjectionState>>>>
> = {
  open: {
    integrate: 'integrated',
    withdraw: 'withdrawn',
    rule_in_the_rough: 'ruled_in_the_rough',
  },
  integrated: {},
  withdrawn: {},
  ruled_in_the_rough: {},
};

/** The next state, or `null` when the event is not allowed from `state` (the server answers 409). */
export function objectionTransition(
  state: ObjectionState,
  event: ObjectionEvent,
): ObjectionState | null {
  return OBJECTION_TRANSITIONS[state][event] ?? null;
}

export function isTerminalObjectionState(state: ObjectionState): boolean {
  return Object.keys(OBJECTION_TRANSITIONS[state]).length === 0;
}

/** NFC, every run of whitespace (including the non-breaking spaces of French typography) as one space, trimmed. */
export function normaliseWhitespace(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Whether a version took an amendment: the amendment's text appears in the version's
 * Markdown once whitespace is normalised on both sides. Case and punctuation must match;
 * an empty amendment is never "integrated".
 */
export function isAmendmentIntegrated(amendment: string | null, versionMarkdown: string): boolean {
  const needle = normaliseWhitespace(amendment ?? '');
  return needle !== '' && normaliseWhitespace(versionMarkdown).includes(needle);
}

/**
 * What round N+1 carries from round N: the objections still open, each marked `integrated`
 * when the new version contains its amendment. Closed ones (integrated, withdrawn, ruled)
 * stay with the round that closed them.
 */
export function carryOpenObjections<O extends Pick<ObjectionDto, 'state' | 'amendment'>>(
  previousObjections: readonly O[],
  newVersionMarkdown: string,
): O[] {
  return previousObjections
    .filter((objection) => objection.state === 'open')
    .map((objection) =>
      isAmendmentIntegrated(objection.amendment, newVersionMarkdown)
        ? { ...objection, state: objectionTransition('open', 'integrate') as ObjectionState }
        : objection,
    );
}

export function objectionFromPosition(
  position: CastPositionDto,
  raisedInRound?: number,
): ObjectionDto {
  return {
    federation: position.federation,
    ...(raisedInRound === undefined ? {} : { raisedInRound }),
    reason: position.reason,
    paragraphs: [...position.paragraphs],
    amendment: position.amendment,
    noAmendmentPossible: position.noAmendmentPossible,
    state: 'open',
    answer: null,
    raisedBy: position.castBy,
    raisedAt: position.castAt,
  };
}

/**
 * The objections of a closing round with their fate, for the decision record: those the
 * facilitator answered under `rough` are `ruled_in_the_rough` with the (trimmed) answer,
 * the others stay `open`.
 */
export function objectionsAtClose(input: {
  rule: ConsensusRule;
  cause: CloseCause;
  participants: readonly FederationSlug[];
  positions: readonly CastPositionDto[];
  answers?: ObjectionAnswers;
  roundNumber?: number;
}): ObjectionDto[] {
  const ruled = new Set(explainOutcome(input).ruled);
  const byFederation = positionsByParticipant(input.participants, input.positions);
  return orderedParticipants(input.participants).flatMap((federation) => {
    const position = byFederation.get(federation);
    if (position?.stance !== 'object') return [];
    const objection = objectionFromPosition(position, input.roundNumber);
    if (!ruled.has(federation)) return [objection];
    return [
      {
        ...objection,
        state: objectionTransition('open', 'rule_in_the_rough') as ObjectionState,
        answer: (input.answers?.[federation] as string).trim(),
      },
    ];
  });
}
