import type { FederationSlug } from '../domain/federations';
import type { Role } from '../domain/users';
import type { Affiliation, IliFields, Province } from './ilis';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const CONSULTATION_TITLE_MAX_LENGTH = 200;
export const CONSULTATION_DESCRIPTION_MAX_LENGTH = 4000;
export const QUESTION_LABEL_MAX_LENGTH = 500;
export const QUESTION_OPTION_MAX_LENGTH = 200;
export const QUESTIONS_MAX = 50;
export const OPTIONS_MAX = 20;
export const TEXT_ANSWER_MAX_LENGTH = 4000;
export const SERIES_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** In an anonymous consultation, no group of fewer respondents than this is ever shown. */
export const ANONYMITY_THRESHOLD = 3;
/** Non-respondents are reminded once, this long before the deadline. */
export const CONSULTATION_REMINDER_LEAD_MS = 48 * 60 * 60 * 1000;

export interface QuestionDto {
  id: string;
  kind: QuestionKind;
  label: string;
  options?: string[];
  required: boolean;
}

/** Which ILI a consultation reaches: each non-empty list must contain the ILI's value. */
export interface ConsultationScope {
  affiliations?: Affiliation[];
  federations?: FederationSlug[];
  provinces?: Province[];
}

export interface ConsultationDto {
  id: string;
  title: string;
  description: string;
  /** The federation that asks, or null for the whole Coupole. */
  federation: FederationSlug | null;
  questions: QuestionDto[];
  scope: ConsultationScope;
  closesAt: string;
  anonymous: boolean;
  series: string | null;
  status: ConsultationStatus;
  invited: number;
  responded: number;
  /** Shared with every member (by hand, or by being cited in a position). */
  shared: boolean;
  launchedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
}

export interface CreateConsultationRequest {
  title: string;
  description?: string;
  questions: Array<Omit<QuestionDto, 'id'> & { id?: string }>;
  scope: ConsultationScope;
  closesAt: string;
  anonymous?: boolean;
  series?: string | null;
}

export type UpdateConsultationRequest = Partial<CreateConsultationRequest>;

export type AnswerValue = string | string[] | number | null;

export interface AnswerItem {
  questionId: string;
  value: AnswerValue;
}

/** `GET /api/answer/:token`: what the ILI sees, no session. */
export interface AnswerFormDto {
  consultation: { title: string; description: string; closesAt: string; anonymous: boolean; askedBy: string; questions: QuestionDto[] };
  ili: { name: string; commune: string };
  /** `open`: answerable; `closed`: the deadline passed or the consultation was closed. */
  status: 'open' | 'closed';
  answers: AnswerItem[];
  submittedAt: string | null;
  draftSavedAt: string | null;
}

export interface SaveAnswerRequest {
  answers: AnswerItem[];
  /** A draft is kept as typed (required questions may be empty); otherwise it is the answer. */
  draft?: boolean;
}

export interface ResultGroupDto {
  key: string;
  invited: number;
  responded: number;
  rate: number;
  /** Anonymous consultation and fewer than ANONYMITY_THRESHOLD respondents: counts withheld. */
  hidden?: boolean;
}

export interface QuestionResultDto {
  id: string;
  kind: QuestionKind;
  label: string;
  answered: number;
  /** single / multiple / scale: answers per option (scale: "1".."5"). */
  counts?: Record<string, number>;
  /** scale / number. */
  mean?: number;
  /** text: the answers, with the ILI's name unless anonymous. */
  texts?: Array<{ text: string; ili?: string }>;
}

export interface ConsultationResultsDto {
  consultationId: string;
  invited: number;
  responded: number;
  rate: number;
  /** The filter leaves fewer than ANONYMITY_THRESHOLD respondents of an anonymous consultation. */
  hidden: boolean;
  byFederation: ResultGroupDto[];
  byAffiliation: ResultGroupDto[];
  byProvince: ResultGroupDto[];
  questions: QuestionResultDto[];
}

export interface SeriesEditionDto {
  consultationId: string;
  title: string;
  closesAt: string;
  status: ConsultationStatus;
  invited: number;
  responded: number;
  questions: QuestionResultDto[];
}

export interface SeriesTrendPointDto {
  consultationId: string;
  closesAt: string;
  answered: number;
  mean?: number;
  counts?: Record<string, number>;
}

export interface SeriesTrendDto {
  label: string;
  kind: QuestionKind;
  points: SeriesTrendPointDto[];
}

export interface SeriesDto {
  slug: string;
  editions: SeriesEditionDto[];
  trends: SeriesTrendDto[];
}

export interface ConsultationActor {
  role: Role;
  federationSlug: FederationSlug | null;
}

/** Owned by a federation (or the Coupole when null); shared once cited or shared by hand. */
export interface ConsultationAccess {
  federation: FederationSlug | null;
  shared: boolean;
}

/** A Coupole consultation is visible to all members; a federation's to itself and the secretariat until shared. */
export function canSeeConsultation(actor: ConsultationActor, consultation: ConsultationAccess): boolean {
  if (actor.role === 'observer') return false;
  if (actor.role === 'admin' || actor.role === 'facilitator') return true;
  if (consultation.federation === null || consultation.shared) return true;
  return actor.federationSlug === consultation.federation;
}

/** The secretariat manages every consultation; a representative those of its federation. */
export function canManageConsultation(actor: ConsultationActor, consultation: Pick<ConsultationAccess, 'federation'>): boolean {
  if (actor.role === 'admin' || actor.role === 'facilitator') return true;
  return actor.role === 'representative' && actor.federationSlug !== null && actor.federationSlug === consultation.federation;
}

/** A federation may cite its own consultations and the Coupole's. */
export function canCiteConsultation(federation: FederationSlug, consultation: Pick<ConsultationAccess, 'federation'>): boolean {
  return consultation.federation === null || consultation.federation === federation;
}

export function matchesScope(scope: ConsultationScope, ili: Pick<IliFields, 'affiliation' | 'federation' | 'province'>): boolean {
  if (scope.affiliations?.length && !scope.affiliations.includes(ili.affiliation)) return false;
  if (scope.federations?.length && (!ili.federation || !scope.federations.includes(ili.federation))) return false;
  if (scope.provinces?.length && !scope.provinces.includes(ili.province)) return false;
  return true;
}

/**
 * Problems with the scope a representative may use, or null: a federation consults only its own
 * affiliates (provinces may narrow it).
 */
export function scopeProblem(actor: ConsultationActor, scope: ConsultationScope): string | null {
  if (actor.role === 'admin' || actor.role === 'facilitator') return null;
  if (actor.role !== 'representative' || !actor.federationSlug) return 'scope: only members may consult ILI';
  const own = actor.federationSlug;
  const affiliationsOk = scope.affiliations?.length === 1 && scope.affiliations[0] === 'federation';
  const federationsOk = scope.federations?.length === 1 && scope.federations[0] === own;
  if (!affiliationsOk || !federationsOk) return `scope: a representative may only consult the affiliates of ${own} (affiliations ["federation"], federations ["${own}"])`;
  return null;
}

/** The scope a representative's consultation gets when it names none. */
export function ownAffiliatesScope(federation: FederationSlug, provinces?: Province[]): ConsultationScope {
  return { affiliations: ['federation'], federations: [federation], ...(provinces?.length ? { provinces } : {}) };
}

/** Questions' problems (English, for the API's 400), or an empty list. */
export function questionProblems(questions: ReadonlyArray<Omit<QuestionDto, 'id'> & { id?: string }>): string[] {
  const problems: string[] = [];
  if (questions.length === 0) problems.push('questions must contain at least one question');
  if (questions.length > QUESTIONS_MAX) problems.push(`questions must contain at most ${QUESTIONS_MAX} questions`);
  questions.forEach((question, index) => {
    const at = `questions.${index}`;
    if (!question.label?.trim()) problems.push(`${at}.label must not be empty`);
    const choice = question.kind === 'single' || question.kind === 'multiple';
    if (choice) {
      const options = question.options ?? [];
      if (options.length < 2) problems.push(`${at}.options must hold at least two options`);
      if (options.length > OPTIONS_MAX) problems.push(`${at}.options must hold at most ${OPTIONS_MAX} options`);
      if (options.some((option) => !option.trim())) problems.push(`${at}.options must not be empty`);
      if (new Set(options.map((option) => option.trim())).size !== options.length) problems.push(`${at}.options must be distinct`);
    } else if (question.options && question.options.length > 0) {
      problems.push(`${at}.options are only for single and multiple questions`);
    }
  });
  return problems;
}

/** Why an answer is refused (French: the ILI reads it), by question; empty when fine. */
export function answerProblems(questions: readonly QuestionDto[], answers: readonly AnswerItem[], draft: boolean): Array<{ questionId: string; message: string }> {
  const problems: Array<{ questionId: string; message: string }> = [];
  const known = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const question = known.get(answer.questionId);
    if (!question) {
      problems.push({ questionId: answer.questionId, message: 'question inconnue' });
      continue;
    }
    if (seen.has(answer.questionId)) problems.push({ questionId: answer.questionId, message: 'question répondue deux fois' });
    seen.add(answer.questionId);
    const message = valueProblem(question, answer.value);
    if (message) problems.push({ questionId: question.id, message });
  }
  if (!draft) {
    for (const question of questions) {
      if (!question.required) continue;
      const answer = answers.find((item) => item.questionId === question.id);
      if (!answer || isEmptyValue(answer.value)) problems.push({ questionId: question.id, message: 'réponse obligatoire' });
    }
  }
  return problems;
}

export function isEmptyValue(value: AnswerValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function valueProblem(question: QuestionDto, value: AnswerValue): string | null {
  if (isEmptyValue(value)) return null;
  switch (question.kind) {
    case 'single':
      return typeof value === 'string' && question.options?.includes(value) ? null : 'choisissez une des réponses proposées';
    case 'multiple':
      return Array.isArray(value) && value.every((item) => question.options?.includes(item)) && new Set(value).size === value.length
        ? null
        : 'choisissez parmi les réponses proposées';
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX ? null : `choisissez une note de ${SCALE_MIN} à ${SCALE_MAX}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e12 ? null : 'indiquez un nombre';
    case 'text':
      if (typeof value !== 'string') return 'indiquez un texte';
      return value.length <= TEXT_ANSWER_MAX_LENGTH ? null : `au plus ${TEXT_ANSWER_MAX_LENGTH} caractères`;
  }
}

/** Keeps only answered questions, in the questionnaire's order, texts trimmed. */
export function normaliseAnswers(questions: readonly QuestionDto[], answers: readonly AnswerItem[]): AnswerItem[] {
  const byId = new Map(answers.map((answer) => [answer.questionId, answer.value]));
  const result: AnswerItem[] = [];
  for (const question of questions) {
    let value = byId.get(question.id);
    if (typeof value === 'string') value = value.trim();
    if (value === undefined || isEmptyValue(value)) continue;
    result.push({ questionId: question.id, value });
  }
  return result;
}

/** `open` only between launch and the deadline (a sweep persists `closed` soon after). */
export function effectiveStatus(status: ConsultationStatus, closesAt: Date | string, now: Date): ConsultationStatus {
  if (status === 'open' && new Date(closesAt).getTime() <= now.getTime()) return 'closed';
  return status;
}

export function isReminderDue(closesAt: Date | string, now: Date): boolean {
  const remaining = new Date(closesAt).getTime() - now.getTime();
  return remaining > 0 && remaining <= CONSULTATION_REMINDER_LEAD_MS;
}
