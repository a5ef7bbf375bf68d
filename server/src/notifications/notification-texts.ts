import { OUTCOME_INFO, RULE_INFO, type ConsensusRule, type NotificationKind, type RoundOutcome } from '@coupole/shared';
import { brusselsDateTime } from '../decisions/decision-text';

// French wording of notifications and their mails (subject + plain-text body).

export interface NotificationText {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Path on this origin the notification leads to. */
  path: string;
}

export interface RoundContext {
  documentId: string;
  documentTitle: string;
  number: number;
  question: string;
  closesAt: string;
  rule?: ConsensusRule;
}

export function documentPath(documentId: string): string {
  return `/documents/${documentId}`;
}

/** A reminder or notice on an open round: it ends with the round's question and leads to its document. */
function aboutOpenRound(round: RoundContext, kind: NotificationKind, title: string, body: string): NotificationText {
  return { kind, title, body: `${body}\nQuestion : ${round.question}`, path: documentPath(round.documentId) };
}

export function roundOpenedText(round: RoundContext): NotificationText {
  const rule = round.rule ? ` selon la règle « ${RULE_INFO[round.rule].label} »` : '';
  return {
    kind: 'round.opened',
    title: `Tour de consensus n° ${round.number} ouvert : « ${round.documentTitle} »`,
    body:
      `La facilitation a ouvert le tour de consensus n° ${round.number} sur « ${round.documentTitle} »${rule}.\n` +
      `Question : ${round.question}\n` +
      `Échéance : ${brusselsDateTime(round.closesAt)} (heure de Bruxelles).\n` +
      'Chaque fédération donne une seule position, par sa ou son mandataire ou un·e suppléant·e.',
    path: documentPath(round.documentId),
  };
}

export function roundClosedText(round: RoundContext, outcome: RoundOutcome, decisionSeq?: number | null): NotificationText {
  const register = decisionSeq ? `\nLa décision est inscrite au registre sous le n° ${decisionSeq}.` : '';
  return {
    kind: 'round.closed',
    title: `Tour n° ${round.number} clos — ${OUTCOME_INFO[outcome].label} : « ${round.documentTitle} »`,
    body:
      `Le tour de consensus n° ${round.number} sur « ${round.documentTitle} » est clos.\n` +
      `Issue : ${OUTCOME_INFO[outcome].label}. ${OUTCOME_INFO[outcome].description}` +
      register,
    path: documentPath(round.documentId),
  };
}

export function reminderText(round: RoundContext, federationName: string): NotificationText {
  return aboutOpenRound(
    round,
    'round.reminder',
    `Rappel : ${federationName} n’a pas encore pris position sur « ${round.documentTitle} »`,
    `Le tour de consensus n° ${round.number} sur « ${round.documentTitle} » se clôt le ` +
      `${brusselsDateTime(round.closesAt)} (heure de Bruxelles), et ${federationName} n’a pas encore répondu.`,
  );
}

export function mentionText(input: { documentId: string; documentTitle: string; authorName: string; excerpt: string }): NotificationText {
  return {
    kind: 'comment.mention',
    title: `${input.authorName} vous a mentionné·e dans « ${input.documentTitle} »`,
    body: `« ${excerpt(input.excerpt)} »`,
    path: documentPath(input.documentId),
  };
}

function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The mail for one notification: same title as subject, the body, the link, a short footer. */
export function mailFor(text: Pick<NotificationText, 'title' | 'body' | 'path'>, displayName: string, publicUrl: string | undefined) {
  const link = publicUrl ? `${publicUrl}${text.path}` : text.path;
  return {
    subject: text.title,
    text:
      `Bonjour ${displayName},\n\n${text.body}\n\nOuvrir dans Coupole : ${link}\n\n` +
      '— Coupole, plateforme de co-rédaction des fédérations ILI de Wallonie\n' +
      'Vous recevez ce message parce que votre compte Coupole est concerné.',
  };
}

export function deadlineExtendedText(round: RoundContext, previousClosesAt: string, reason: string | null): NotificationText {
  return aboutOpenRound(
    round,
    'round.deadline_extended',
    `Échéance prolongée : tour n° ${round.number} sur « ${round.documentTitle} »`,
    `Le secrétariat a prolongé le tour de consensus n° ${round.number} sur « ${round.documentTitle} ».\n` +
      `Nouvelle échéance : ${brusselsDateTime(round.closesAt)} (au lieu du ${brusselsDateTime(previousClosesAt)}, heure de Bruxelles).` +
      (reason ? `\nMotif : ${reason}` : ''),
  );
}

export function federationReminderText(round: RoundContext, federationName: string): NotificationText {
  return aboutOpenRound(
    round,
    'round.reminder',
    `Relance : ${federationName} n’a pas encore pris position sur « ${round.documentTitle} »`,
    `Le secrétariat vous rappelle que ${federationName} n’a pas encore répondu au tour de consensus n° ${round.number} ` +
      `sur « ${round.documentTitle} », qui se clôt le ${brusselsDateTime(round.closesAt)} (heure de Bruxelles).`,
  );
}
