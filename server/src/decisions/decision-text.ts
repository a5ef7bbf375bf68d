import {
  amendmentTextChanges,
  CLOSE_CAUSE_INFO,
  paragraphUnits,
  type Paragraph,
  frenchFirstOfMonth,
  paragraphLabels,
  pm,
  type ProseMirrorJSON,
  quotedMarkdown,
  quotedText,
  DecisionDto,
  type EvidenceDto,
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

/** "26 novembre 2026 à 15:27", "1er juillet 2026 à 14:30", in Europe/Brussels whatever the server's zone. */
export function brusselsDateTime(iso: string | Date): string {
  return frenchFirstOfMonth(BRUSSELS.format(typeof iso === 'string' ? new Date(iso) : iso));
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
  if (counts.agree) parts.push(`${counts.agree} d’accord`);
  if (counts.reservations) parts.push(`${counts.reservations} avec réserves`);
  if (counts.stand_aside) parts.push(plural(counts.stand_aside, 'abstention', 'abstentions'));
  if (counts.object) parts.push(plural(counts.object, 'objection', 'objections'));
  if (missing) {
    const silent = silenceCountsAsAgreement(decision.rule, decision.closeCause);
    parts.push(
      silent
        ? `${plural(missing, 'fédération silencieuse réputée', 'fédérations silencieuses réputées')} d’accord`
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
    for (const cited of position.evidence ?? []) texts.push(cited.title);
  }
  for (const objection of decision.objections) {
    if (objection.reason) texts.push(objection.reason);
    if (objection.amendment) texts.push(objection.amendment);
    if (objection.answer) texts.push(objection.answer);
  }
  return texts.join('\n');
}

/** The "Relevé de décision": its title and its body as a structured document (user text as data). */
export interface DecisionAnnex {
  title: string;
  doc: ProseMirrorJSON;
}

export interface DecisionAnnexOptions {
  /** The register's head at export time, so that a later rewrite of the register can be detected. */
  register?: PublishedHead;
  /** The platform's public address (PUBLIC_URL), for the verification link. */
  publicUrl?: string;
  /** The decided version's paragraphs: amendments are then shown as a diff of those they replace. */
  paragraphs?: readonly Paragraph[];
}

function author(by: PositionAuthorDto | null): string {
  if (!by) return 'inconnu·e';
  const mandate = by.mandate === 'titular' ? ', mandataire' : by.mandate === 'substitute' ? ', suppléant·e' : '';
  return `${by.displayName}${mandate}`;
}

/**
 * "Fondée sur : « <titre> » — 42 ILI sur 61 ont répondu.", the figures frozen at closing. The
 * title is data: one line of text, whatever line breaks it holds, so it cannot open a block.
 */
export function evidenceLine(cited: EvidenceDto): string {
  const title = cited.title.replace(/\s+/g, ' ').trim();
  return `Fondée sur : « ${title} » — ${cited.responded} ILI sur ${cited.invited} ${cited.responded > 1 ? 'ont' : 'a'} répondu.`;
}

function concerns(paragraphs: readonly string[]): string {
  return paragraphs.length ? ` (${paragraphLabels(paragraphs)})` : ' (tout le texte)';
}

/**
 * The "Relevé de décision" annexed to an adopted document's exports, as a clerk would write it:
 * numbered paragraphs (§), each federation's words quoted as data, amendments as quoted blocks
 * that keep their lists, and the register's seal with how to check it, in plain French.
 */
export function decisionAnnex(decision: DecisionDto, options: DecisionAnnexOptions = {}): DecisionAnnex {
  const positions = new Map(decision.positions.map((position) => [position.federation, position]));
  const silentAgree = silenceCountsAsAgreement(decision.rule, decision.closeCause);

  const positionItems = decision.participants.map((slug) => {
    const position = positions.get(slug);
    if (!position) {
      return [pm.paragraph(pm.bold(federationLabel(slug)), ` — ${silentAgree ? "sans réponse, réputée d’accord (procédure de silence)" : 'sans réponse'}`)];
    }
    const line = pm.paragraph(
      pm.bold(federationLabel(position.federation)),
      ` — ${STANCE_INFO[position.stance].label}, exprimé par ${author(position.castBy)}, le ${brusselsDateTime(position.castAt)}${position.reason ? ' :' : '.'}`,
    );
    const evidence = (position.evidence ?? []).map((cited) => pm.paragraph(evidenceLine(cited)));
    return [line, ...(position.reason ? [quotedText(position.reason)] : []), ...evidence];
  });

  const reservationItems = decision.positions
    .filter((position) => position.stance === 'reservations')
    .map((position) => [
      pm.paragraph(pm.bold(federationLabel(position.federation)), `${concerns(position.paragraphs)} :`),
      quotedText(position.reason ?? ''),
      ...(position.amendment ? amendmentBlocks(position.paragraphs, position.amendment, options.paragraphs, 'Amendement proposé avec la réserve, sans bloquer') : []),
    ]);

  const objectionItems = decision.objections.map((objection) => {
    const blocks = [
      pm.paragraph(pm.bold(federationLabel(objection.federation)), ` — objection ${OBJECTION_STATE_INFO[objection.state].label.toLowerCase()}${concerns(objection.paragraphs)}.`),
      pm.paragraph('Motif :'),
      quotedText(objection.reason ?? ''),
    ];
    if (objection.amendment) blocks.push(...amendmentBlocks(objection.paragraphs, objection.amendment, options.paragraphs, 'Amendement proposé'));
    else if (objection.noAmendmentPossible) blocks.push(pm.paragraph('Aucun amendement possible selon la fédération.'));
    if (objection.answer) blocks.push(pm.paragraph('Réponse de la facilitation :'), quotedText(objection.answer));
    return blocks;
  });

  const closedBy = decision.closedBy ? `, par ${author(decision.closedBy)}` : '';
  return {
    title: 'Relevé de décision',
    doc: pm.doc(
      pm.heading(2, `Tour de consensus n° ${decision.roundNumber}`),
      pm.paragraph(pm.bold('Question posée :')),
      quotedText(decision.question),
      pm.paragraph(pm.bold('Règle : '), `${RULE_INFO[decision.rule].label}. ${RULE_INFO[decision.rule].description}`),
      pm.paragraph(
        pm.bold('Clôture : '),
        `${brusselsDateTime(decision.closedAt)} (heure de Bruxelles), ${CLOSE_CAUSE_INFO[decision.closeCause].label.toLowerCase()}${closedBy}.`,
      ),
      pm.paragraph(pm.bold('Issue : '), outcomeStatement(decision)),
      pm.paragraph(pm.bold('Texte décidé : '), `version n° ${decision.version}, dont l’empreinte numérique (SHA-256) est ${decision.contentHash}.`),
      pm.heading(2, 'Positions des fédérations'),
      pm.bulletList(positionItems),
      pm.heading(2, 'Réserves publiées'),
      ...(reservationItems.length ? [pm.bulletList(reservationItems)] : [pm.paragraph('Aucune réserve.')]),
      pm.heading(2, 'Objections et suites données'),
      ...(objectionItems.length ? [pm.bulletList(objectionItems)] : [pm.paragraph('Aucune objection.')]),
      pm.heading(2, 'Inscription au registre des décisions'),
      ...registerParagraphs(decision, options),
    ),
  };
}

/** An amendment under its title: a word diff of the paragraphs it replaces when they are known, else its text quoted. */
function amendmentBlocks(ids: readonly string[], amendment: string, paragraphs: readonly Paragraph[] | undefined, title: string): ProseMirrorJSON[] {
  return paragraphs
    ? [pm.paragraph(`${title} (texte retiré barré, texte ajouté souligné) :`), amendmentDiff(ids, amendment, paragraphs)]
    : [pm.paragraph(`${title} :`), quotedMarkdown(amendment)];
}

/**
 * An amendment as a quoted word diff of the paragraphs it replaces: removed words struck, added
 * words underlined, as plain text (never its Markdown), each block a paragraph.
 */
function amendmentDiff(ids: readonly string[], amendment: string, paragraphs: readonly Paragraph[]): ProseMirrorJSON {
  const units = [...paragraphUnits(paragraphs), ...paragraphs];
  const replaced = ids.flatMap((id) => units.find((unit) => unit.id === id)?.markdown ?? []);
  const marks = { equal: [], insert: [{ type: 'underline' }], delete: [{ type: 'strike' }] } as const;
  return pm.quote(
    ...amendmentTextChanges(replaced, amendment).map((parts) => ({
      type: 'paragraph',
      content: parts.flatMap((part) =>
        part.text.split('\n').flatMap((line, index) => [
          ...(index > 0 ? [{ type: 'hardBreak' }] : []),
          ...(line ? [{ type: 'text', text: line, ...(marks[part.op].length ? { marks: [...marks[part.op]] } : {}) }] : []),
        ]),
      ),
    })),
  );
}

/** The seal, and how anyone checks it, in words a minister's office reads without help. */
function registerParagraphs(decision: DecisionDto, { register, publicUrl }: DecisionAnnexOptions): ProseMirrorJSON[] {
  const paragraphs = [
    pm.paragraph(
      `Cette décision est l’inscription n° ${decision.seq} du registre des décisions de la Coupole. ` +
        'Chaque inscription est scellée par une empreinte numérique calculée sur son contenu et sur l’empreinte de la précédente : ' +
        'modifier, effacer ou réécrire une inscription après coup rompt la chaîne et se voit.',
    ),
    pm.paragraph(pm.bold('Empreinte de cette inscription : '), decision.hash),
    pm.paragraph(pm.bold('Empreinte de l’inscription précédente : '), decision.prevHash),
  ];
  if (!register) return paragraphs;
  const path = `/api/decisions/verify?length=${register.length}&head=${register.head}`;
  const address = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
  paragraphs.push(
    pm.paragraph(
      `Au moment de cet export, le registre comptait ${plural(register.length, 'inscription', 'inscriptions')} ; la dernière a pour empreinte ${register.head}.`,
    ),
    pm.paragraph(
      'Pour vérifier que le registre n’a pas été modifié depuis cet export, un membre connecté à la plateforme ouvre l’adresse ',
      pm.italic(address),
      ' : la réponse « valid: true » confirme le registre ; sinon, elle désigne la première inscription rompue.',
    ),
  );
  return paragraphs;
}
