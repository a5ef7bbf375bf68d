import type { CloseCause, ConsensusRule, ObjectionState, RoundOutcome, RoundStatus, Stance } from './types';

/**
 * A cue that does not rely on colour: an icon name (lucide set) and a text symbol
 * for places where no icon can be drawn (plain-text exports, screen-reader hints).
 */
export interface NonColourCue {
  icon: string;
  symbol: string;
}

/** The cues a stance and an outcome share: an outcome shows the stance that made it. */
const CUES = {
  check: { icon: 'circle-check', symbol: '✓' },
  alert: { icon: 'circle-alert', symbol: '!' },
  dash: { icon: 'circle-minus', symbol: '–' },
  cross: { icon: 'octagon-x', symbol: '✕' },
  pending: { icon: 'circle-dashed', symbol: '…' },
  ban: { icon: 'ban', symbol: '⊘' },
} as const satisfies Record<string, NonColourCue>;

export type Tone = 'positive' | 'caution' | 'neutral' | 'negative';

export interface StanceInfo {
  key: Stance;
  label: string;
  description: string;
  reason: 'optional' | 'required';
  /** Only an objection asks for an amendment or "no amendment possible". */
  needsAmendment: boolean;
  /** An objection or a reservation may carry an amendment of the paragraphs it points at. */
  mayAmend: boolean;
  cue: NonColourCue;
  tone: Tone;
}

export const STANCE_INFO: Readonly<Record<Stance, StanceInfo>> = {
  agree: {
    key: 'agree',
    label: "D’accord",
    description: 'Je soutiens ce texte.',
    reason: 'optional',
    needsAmendment: false,
    mayAmend: false,
    cue: CUES.check,
    tone: 'positive',
  },
  reservations: {
    key: 'reservations',
    label: "D’accord avec réserves",
    description: 'Je peux vivre avec ce texte ; ma réserve est publiée avec la décision.',
    reason: 'required',
    needsAmendment: false,
    mayAmend: true,
    cue: CUES.alert,
    tone: 'caution',
  },
  stand_aside: {
    key: 'stand_aside',
    label: "Je m’abstiens",
    description: 'Je ne bloque pas ; le groupe peut avancer sans moi.',
    reason: 'optional',
    needsAmendment: false,
    mayAmend: false,
    cue: CUES.dash,
    tone: 'neutral',
  },
  object: {
    key: 'object',
    label: 'Objection',
    description: "Ce texte ne peut pas sortir tel quel. Une objection bloque l’adoption.",
    reason: 'required',
    needsAmendment: true,
    mayAmend: true,
    cue: CUES.cross,
    tone: 'negative',
  },
};

/** Whether a stance may carry an amendment: an objection (required or "no amendment possible") or a reservation (optional). */
export function mayCarryAmendment(stance: Stance): boolean {
  return STANCE_INFO[stance].mayAmend;
}

/**
 * Whether a cast (or a change in a position's history) made an amendment: a stance that may
 * carry one, with its text. Only such a cast writes amendment suggestions (issue #10), so a
 * federation none of whose casts in a round did has none there to replace or withdraw.
 */
export function castAmendment(cast: { stance: Stance; amendment: string | null }): boolean {
  return mayCarryAmendment(cast.stance) && cast.amendment !== null && cast.amendment.trim() !== '';
}

/** Shown for a participating federation that has not answered yet. */
export const NO_ANSWER_INFO = {
  label: 'Pas encore de réponse',
  description: "Cette fédération n’a pas encore pris position.",
  cue: CUES.pending,
  tone: 'neutral' as Tone,
} as const;

export interface LabelInfo {
  label: string;
  description: string;
}

export const RULE_INFO: Readonly<Record<ConsensusRule, LabelInfo>> = {
  consensus: {
    label: 'Consensus',
    description:
      'Adopté quand toutes les fédérations ont répondu, sans objection, avec au moins un accord.',
  },
  silence: {
    label: 'Procédure de silence',
    description:
      "À l’échéance, une fédération qui n’a pas répondu est réputée d’accord ; toute objection rompt le silence.",
  },
  rough: {
    label: 'Consensus approximatif',
    description:
      'Comme le consensus, mais la facilitation peut clore en répondant par écrit à chaque objection.',
  },
};

export const OUTCOME_INFO: Readonly<Record<RoundOutcome, LabelInfo & { cue: NonColourCue }>> = {
  adopted: {
    label: 'Adopté',
    description: 'Le texte est adopté par consensus.',
    cue: CUES.check,
  },
  adopted_with_reservations: {
    label: 'Adopté avec réserves',
    description: 'Le texte est adopté ; les réserves et les objections tranchées sont publiées.',
    cue: CUES.alert,
  },
  blocked: {
    label: 'Bloqué',
    description: 'Au moins une objection subsiste.',
    cue: CUES.cross,
  },
  no_quorum: {
    label: 'Quorum non atteint',
    description: "Des réponses manquent, ou aucune fédération n’a soutenu le texte.",
    cue: CUES.pending,
  },
  cancelled: {
    label: 'Annulé',
    description: 'Le tour a été annulé sans décision.',
    cue: CUES.ban,
  },
};

export const CLOSE_CAUSE_INFO: Readonly<Record<CloseCause, LabelInfo>> = {
  deadline: { label: 'Échéance', description: "Le tour s’est clos à son échéance." },
  facilitator: { label: 'Clôture par la facilitation', description: 'La facilitation a clos le tour.' },
  auto_close: {
    label: 'Clôture automatique',
    description: "Le tour s’est clos dès que toutes les fédérations ont répondu.",
  },
  cancelled: { label: 'Annulation', description: 'Le tour a été annulé.' },
};

export const OBJECTION_STATE_INFO: Readonly<Record<ObjectionState, LabelInfo>> = {
  open: { label: 'Ouverte', description: "L’objection n’est pas encore levée." },
  integrated: {
    label: 'Intégrée',
    description: "Une version ultérieure a repris l’amendement proposé.",
  },
  withdrawn: { label: 'Retirée', description: 'La fédération a retiré son objection.' },
  ruled_in_the_rough: {
    label: 'Tranchée',
    description: 'La facilitation y a répondu par écrit (consensus approximatif).',
  },
};

export const ROUND_STATUS_INFO: Readonly<Record<RoundStatus, { label: string }>> = {
  open: { label: 'Ouvert' },
  closed: { label: 'Clos' },
};
