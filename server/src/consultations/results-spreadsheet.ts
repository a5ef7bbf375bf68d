import type { AnswerValue, ConsultationResultsDto, InvitedIli, QuestionDto } from '@coupole/shared';
import { newWorkbook } from '../common/workbook';
import type { Consultation } from './consultation.entity';

export type ResultsFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ResultsFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function cell(value: AnswerValue | undefined): string | number {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(' | ');
  return value;
}

function namedRows(questions: readonly QuestionDto[], invited: readonly InvitedIli[]): Array<Array<string | number>> {
  const header = ['ILI', 'fédération', 'affiliation', 'province', ...questions.map((question) => question.label)];
  const rows = invited
    .filter((ili) => ili.answers !== null)
    .sort((first, second) => first.name.localeCompare(second.name, 'fr'))
    .map((ili) => [ili.name, ili.federation ?? '', ili.affiliation, ili.province, ...questions.map((question) => cell(ili.answers?.find((answer) => answer.questionId === question.id)?.value))]);
  return [header, ...rows];
}

/** One row per figure; texts without any name. Nothing here identifies an ILI. */
function aggregateRows(results: ConsultationResultsDto): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [['question', 'réponse', 'nombre', 'moyenne']];
  rows.push(['(participation)', `${results.responded} sur ${results.invited}`, results.responded, '']);
  for (const question of results.questions) {
    for (const [option, count] of Object.entries(question.counts ?? {})) rows.push([question.label, option, count, '']);
    if (question.mean !== undefined) rows.push([question.label, '(moyenne)', question.answered, question.mean]);
    for (const text of question.texts ?? []) rows.push([question.label, text.text, '', '']);
    if (!question.counts && question.mean === undefined && !question.texts) rows.push([question.label, '(moins de 3 réponses : masqué)', '', '']);
  }
  return rows;
}

/** The results file: answers by ILI, or for an anonymous consultation the aggregates only. */
export async function resultsSpreadsheet(
  format: ResultsFormat,
  consultation: Pick<Consultation, 'id' | 'anonymous' | 'questions'>,
  invited: readonly InvitedIli[],
  results: ConsultationResultsDto,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const rows = consultation.anonymous ? aggregateRows(results) : namedRows(consultation.questions, invited);
  const workbook = newWorkbook();
  workbook.creator = 'Coupole';
  const sheet = workbook.addWorksheet(consultation.anonymous ? 'Résultats' : 'Réponses');
  for (const row of rows) sheet.addRow(row);
  let content: Buffer;
  if (format === 'xlsx') {
    sheet.getRow(1).font = { bold: true };
    content = Buffer.from(await workbook.xlsx.writeBuffer());
  } else {
    content = Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { delimiter: ';', writeBOM: true } }));
  }
  return { fileName: `consultation-${consultation.id.slice(0, 8)}.${format}`, contentType: CONTENT_TYPES[format], content };
}
