import {
  CLOSE_CAUSE_INFO,
  DecisionDto,
  FEDERATION_SHORT_NAMES,
  FederationSlug,
  OBJECTION_STATE_INFO,
  OUTCOME_INFO,
  PositionAuthorDto,
  PublishedHead,
  RULE_INFO,
  silenceCountsAsAgreement,
  STANCE_INFO,
} from '@coupole/shared';

// French wording of the register: the outcome statement, the search text and the
// "Relevé de décision" annex. Pure functions, so exports and tests render the same text.

export const FEDERATION_LABELS: Readonly<Record<FederationSlug, string>> = FEDERATION_SHORT_NAMES;

const BRUSSELS = new Intl.DateTimeFormat('fr-BE', {
  timeZone: 'Europe/Brussels',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** "26 novembre 2026 à 15:27", in Europe/Brussels whatever the server's zone. */
export function brusselsDateTime(iso: string | Date): string {
  return BRUSSELS.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function federationLabel(slug: string): string {
  return FEDERATION_LABELS[slug as FederationSlug] ?? slug;
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

type StatementInput = Pick<DecisionDto, 'outcome' | 'rule' | 'closeCause' | 'participants' | 'positions' | 'objections'>;

/**
 * One sentence for the register and its search: "Adopté avec réserves selon la règle
 * Consensus : 3 d'accord, 1 avec réserves, 1 abstention ; aucune objection ne subsiste."
 */
export function outcomeStatement(decision: StatementInput): string {
  const counts = { agree: 0, reservations: 0, stand_aside: 0, object: 0 };
  for (const position of decision.positions) counts[position.stance] += 1;
  const answered = new Set(decision.positions.map((position) => position.federation));
  const missing = decision.participants.filter((slug) => !answered.has(slug)).length;

  const parts: string[] = [];
  if (counts.agree) parts.push(`${counts.agree} d'accord`);
  if (counts.reservations) parts.push(`${counts.reservations} avec réserves`);
  if (counts.stand_aside) parts.push(plural(counts.stand_aside, 'abstention', 'abstentions'));
  if (counts.object) parts.push(plural(counts.object, 'objection', 'objections'));
  if (missing) {
    const silent = silenceCountsAsAgreement(decision.rule, decision.closeCause);
    parts.push(
      silent
        ? `${plural(missing, 'fédération silencieuse réputée', 'fédérations silencieuses réputées')} d'accord`
        : plural(missing, 'fédération sans réponse', 'fédérations sans réponse'),
    );
  }

  const standing = decision.objections.filter((objection) => objection.state === 'open').length;
  const ruled = decision.objections.filter((objection) => objection.state === 'ruled_in_the_rough').length;
  let objections = standing ? `${plural(standing, 'objection subsiste', 'objections subsistent')}` : 'aucune objection ne subsiste';
  if (ruled) objections += ` ; ${plural(ruled, 'objection tranchée', 'objections tranchées')} par écrit`;

  const answers = parts.length ? parts.join(', ') : 'aucune réponse';
  return `${OUTCOME_INFO[decision.outcome].label} selon la règle « ${RULE_INFO[decision.rule].label} » : ${answers} ; ${objections}.`;
}

/** What the French full-text search indexes for one decision. */
export function decisionSearchText(decision: DecisionDto): string {
  const texts = [decision.documentTitle, decision.question, outcomeStatement(decision), OUTCOME_INFO[decision.outcome].description];
  for (const position of decision.positions) {
    texts.push(federationLabel(position.federation), STANCE_INFO[position.stance].label);
    if (position.reason) texts.push(position.reason);
    if (position.amendment) texts.push(position.amendment);
  }
  for (const objection of decision.objections) {
    if (objection.reason) texts.push(objection.reason);
    if (objection.amendment) texts.push(objection.amendment);
    if (objection.answer) texts.push(objection.answer);
  }
  return texts.join('\n');
}

export interface AnnexSection {
  heading: string;
  /** Plain French paragraphs, in order. */
  paragraphs: string[];
  /** A bulleted list after the paragraphs (may be empty). */
  items: string[];
}

export interface DecisionAnnex {
  title: string;
  sections: AnnexSection[];
}

function author(by: PositionAuthorDto | null): string {
  if (!by) return 'inconnu·e';
  const mandate = by.mandate === 'titular' ? ', mandataire' : by.mandate === 'substitute' ? ', suppléant·e' : '';
  return `${by.displayName}${mandate}`;
}

function paragraphsNote(paragraphs: readonly string[]): string {
  return paragraphs.length ? ` (paragraphes : ${paragraphs.join(', ')})` : '';
}

/**
 * The "Relevé de décision" annexed to an adopted document's exports; with `register`, the
 * register's head at export time, so that a later rewrite of the register can be detected.
 */
export function decisionAnnex(decision: DecisionDto, register?: PublishedHead): DecisionAnnex {
  const positions = new Map(decision.positions.map((position) => [position.federation, position]));
  const silentAgree = silenceCountsAsAgreement(decision.rule, decision.closeCause);

  const positionItems = decision.participants.map((slug) => {
    const position = positions.get(slug);
    if (!position) {
      return `${federationLabel(slug)} — ${silentAgree ? "sans réponse, réputée d'accord (procédure de silence)" : 'sans réponse'}`;
    }
    const reason = position.reason ? ` : « ${position.reason} »` : '';
    return `${federationLabel(slug)} — ${STANCE_INFO[position.stance].label}, exprimé par ${author(position.castBy)} le ${brusselsDateTime(position.castAt)}${reason}`;
  });

  const reservations = decision.positions.filter((position) => position.stance === 'reservations');
  const reservationItems = reservations.map(
    (position) => `${federationLabel(position.federation)}${paragraphsNote(position.paragraphs)} : « ${position.reason ?? ''} »`,
  );

  const objectionItems = decision.objections.map((objection) => {
    const parts = [
      `${federationLabel(objection.federation)} — ${OBJECTION_STATE_INFO[objection.state].label}${paragraphsNote(objection.paragraphs)}`,
      `motif : « ${objection.reason ?? ''} »`,
    ];
    if (objection.amendment) parts.push(`amendement proposé : « ${objection.amendment} »`);
    else if (objection.noAmendmentPossible) parts.push('aucun amendement possible selon la fédération');
    if (objection.answer) parts.push(`réponse de la facilitation : « ${objection.answer} »`);
    return parts.join(' ; ');
  });

  return {
    title: 'Relevé de décision',
    sections: [
      {
        heading: `Tour de consensus n° ${decision.roundNumber}`,
        paragraphs: [
          `Question : ${decision.question}`,
          `Règle : ${RULE_INFO[decision.rule].label}. ${RULE_INFO[decision.rule].description}`,
          `Clôture : ${brusselsDateTime(decision.closedAt)} (heure de Bruxelles), ${CLOSE_CAUSE_INFO[decision.closeCause].label.toLowerCase()}${decision.closedBy ? `, par ${author(decision.closedBy)}` : ''}.`,
          `Issue : ${outcomeStatement(decision)}`,
          `Texte décidé : version n° ${decision.version}, empreinte SHA-256 du contenu ${decision.contentHash}.`,
        ],
        items: [],
      },
      { heading: 'Positions des fédérations', paragraphs: [], items: positionItems },
      {
        heading: 'Réserves publiées',
        paragraphs: reservationItems.length ? [] : ['Aucune réserve.'],
        items: reservationItems,
      },
      {
        heading: 'Objections et suites données',
        paragraphs: objectionItems.length ? [] : ['Aucune objection.'],
        items: objectionItems,
      },
      {
        heading: 'Registre des décisions',
        paragraphs: [
          `Inscription n° ${decision.seq} au registre.`,
          `Empreinte précédente : ${decision.prevHash}`,
          `Empreinte de l'inscription : ${decision.hash}`,
          ...(register
            ? [
                `État du registre à cet export : ${register.length} inscription(s), dernière empreinte ${register.head}.`,
                `Le registre se vérifie par GET /api/decisions/verify?length=${register.length}&head=${register.head} : une inscription effacée ou une chaîne recalculée depuis cet export y apparaît comme rompue.`,
              ]
            : ['Le registre se vérifie par GET /api/decisions/verify.']),
        ],
        items: [],
      },
    ],
  };
}

/** The annex as Markdown, appended to a Markdown export. */
export function annexMarkdown(annex: DecisionAnnex): string {
  const lines = [`## ${annex.title}`, ''];
  for (const section of annex.sections) {
    lines.push(`### ${section.heading}`, '');
    for (const paragraph of section.paragraphs) lines.push(paragraph, '');
    if (section.items.length) lines.push(...section.items.map((item) => `- ${item}`), '');
  }
  return lines.join('\n').trimEnd() + '\n';
}
