import { FEDERATION_SLUGS, type FederationSlug } from '../domain/federations';
import {
  ANONYMITY_THRESHOLD,
  SCALE_MAX,
  SCALE_MIN,
  type AnswerItem,
  type ConsultationResultsDto,
  type QuestionDto,
  type QuestionResultDto,
  type ResultGroupDto,
  type SeriesEditionDto,
  type SeriesTrendDto,
} from './consultations';
import { AFFILIATIONS, PROVINCES, type Affiliation, type Province } from './ilis';

/** One invited ILI as the results see it: its groups, and its answer once submitted. */
export interface InvitedIli {
  name: string;
  affiliation: Affiliation;
  federation: FederationSlug | null;
  province: Province;
  /** Null until it submits. */
  answers: AnswerItem[] | null;
}

export interface ResultsFilter {
  affiliation?: Affiliation;
  federation?: FederationSlug;
  province?: Province;
}

export function rateOf(responded: number, invited: number): number {
  return invited === 0 ? 0 : Math.round((responded / invited) * 1000) / 1000;
}

function group(key: string, members: readonly InvitedIli[], anonymous: boolean): ResultGroupDto {
  const responded = members.filter((member) => member.answers !== null).length;
  const base = { key, invited: members.length, responded, rate: rateOf(responded, members.length) };
  // A group of 1 or 2 respondents would let readers guess who answered what: withhold its
  // numbers, and the invited count with them (invited minus a known rate gives it away).
  if (anonymous && responded < ANONYMITY_THRESHOLD) return { key, invited: 0, responded: 0, rate: 0, hidden: true };
  return base;
}

function breakdown<K extends string>(keys: readonly K[], invited: readonly InvitedIli[], keyOf: (ili: InvitedIli) => K | null, anonymous: boolean): ResultGroupDto[] {
  return keys
    .map((key) => invited.filter((ili) => keyOf(ili) === key))
    .map((members, index) => ({ key: keys[index], members }))
    .filter(({ members }) => members.length > 0)
    .map(({ key, members }) => group(key, members, anonymous));
}

function roundMean(sum: number, count: number): number {
  return Math.round((sum / count) * 100) / 100;
}

/** Per-question counts, means and texts over the given respondents' answers. */
export function aggregateQuestions(questions: readonly QuestionDto[], respondents: ReadonlyArray<{ name: string; answers: AnswerItem[] }>, anonymous: boolean): QuestionResultDto[] {
  return questions.map((question) => {
    const values = respondents
      .map((respondent) => ({ name: respondent.name, value: respondent.answers.find((answer) => answer.questionId === question.id)?.value }))
      .filter((entry) => entry.value !== undefined && entry.value !== null && entry.value !== '');
    const result: QuestionResultDto = { id: question.id, kind: question.kind, label: question.label, answered: values.length };
    switch (question.kind) {
      case 'single':
      case 'multiple': {
        const counts = Object.fromEntries((question.options ?? []).map((option) => [option, 0]));
        for (const { value } of values) {
          for (const option of Array.isArray(value) ? value : [value]) {
            if (typeof option === 'string' && option in counts) counts[option] += 1;
          }
        }
        result.counts = counts;
        break;
      }
      case 'scale': {
        const counts: Record<string, number> = {};
        for (let point = SCALE_MIN; point <= SCALE_MAX; point += 1) counts[String(point)] = 0;
        let sum = 0;
        let count = 0;
        for (const { value } of values) {
          if (typeof value !== 'number') continue;
          counts[String(value)] = (counts[String(value)] ?? 0) + 1;
          sum += value;
          count += 1;
        }
        result.counts = counts;
        if (count > 0) result.mean = roundMean(sum, count);
        break;
      }
      case 'number': {
        const numbers = values.map(({ value }) => value).filter((value): value is number => typeof value === 'number');
        if (numbers.length > 0) result.mean = roundMean(numbers.reduce((total, value) => total + value, 0), numbers.length);
        break;
      }
      case 'text':
        // Anonymous texts are sorted so their order does not follow the (known) order of answers.
        result.texts = values
          .filter((entry): entry is { name: string; value: string } => typeof entry.value === 'string')
          .map(({ name, value }) => (anonymous ? { text: value } : { text: value, ili: name }));
        if (anonymous) result.texts.sort((first, second) => first.text.localeCompare(second.text, 'fr'));
        break;
    }
    return result;
  });
}

/**
 * A consultation's results: response rate overall and per federation, affiliation and province,
 * and per-question aggregates over the (optionally filtered) respondents. In an anonymous
 * consultation no group under ANONYMITY_THRESHOLD respondents shows: a smaller breakdown group
 * or filter is withheld, and so are the per-question figures of fewer respondents.
 */
export function computeResults(consultationId: string, questions: readonly QuestionDto[], invited: readonly InvitedIli[], anonymous: boolean, filter: ResultsFilter = {}): ConsultationResultsDto {
  const inFilter = invited.filter(
    (ili) =>
      (!filter.affiliation || ili.affiliation === filter.affiliation) &&
      (!filter.federation || ili.federation === filter.federation) &&
      (!filter.province || ili.province === filter.province),
  );
  const respondents = inFilter.filter((ili): ili is InvitedIli & { answers: AnswerItem[] } => ili.answers !== null);
  const filtered = Boolean(filter.affiliation || filter.federation || filter.province);
  const tooFew = anonymous && respondents.length < ANONYMITY_THRESHOLD;
  // The overall rate of the whole consultation is not a group; a filtered one is.
  const hidden = tooFew && filtered;
  const overall = hidden ? { invited: 0, responded: 0, rate: 0 } : { invited: inFilter.length, responded: respondents.length, rate: rateOf(respondents.length, inFilter.length) };
  return {
    consultationId,
    ...overall,
    hidden,
    byFederation: breakdown(FEDERATION_SLUGS, inFilter, (ili) => ili.federation, anonymous),
    byAffiliation: breakdown(AFFILIATIONS, inFilter, (ili) => ili.affiliation, anonymous),
    byProvince: breakdown(PROVINCES, inFilter, (ili) => ili.province, anonymous),
    questions: tooFew
      ? questions.map((question) => ({ id: question.id, kind: question.kind, label: question.label, answered: 0 }))
      : aggregateQuestions(questions, respondents, anonymous),
  };
}

/**
 * The barometer: for each question (matched by its label across editions, oldest edition
 * first), the mean or the counts of each edition that asked it.
 */
export function seriesTrends(editions: readonly SeriesEditionDto[]): SeriesTrendDto[] {
  const ordered = [...editions].sort((first, second) => first.closesAt.localeCompare(second.closesAt));
  const trends = new Map<string, SeriesTrendDto>();
  for (const edition of ordered) {
    for (const question of edition.questions) {
      const key = `${question.kind}|${question.label.trim().toLowerCase()}`;
      let trend = trends.get(key);
      if (!trend) {
        trend = { label: question.label, kind: question.kind, points: [] };
        trends.set(key, trend);
      }
      trend.points.push({
        consultationId: edition.consultationId,
        closesAt: edition.closesAt,
        answered: question.answered,
        ...(question.mean !== undefined ? { mean: question.mean } : {}),
        ...(question.counts ? { counts: question.counts } : {}),
      });
    }
  }
  return [...trends.values()];
}
