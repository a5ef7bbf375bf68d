import { foldText, ILI_EXPORT_COLUMNS, type IliRecord } from '@coupole/shared';
import type { CellValue, Worksheet } from 'exceljs';
import { Readable } from 'node:stream';
import { newWorkbook } from '../common/workbook';

export const ILI_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const ILI_IMPORT_MAX_ROWS = 2000;

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface SpreadsheetRow {
  /** Line in the file; the header is line 1. */
  line: number;
  record: IliRecord;
}

export class SpreadsheetError extends Error {}

/** `.xlsx` is a zip (PK…); anything else named .csv is read as text. */
export function formatOf(fileName: string, buffer: Buffer): SpreadsheetFormat | null {
  const zip = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName)) return zip ? 'xlsx' : null;
  if (/\.csv$/i.test(fileName)) return zip ? null : 'csv';
  return null;
}

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return text(value.result as CellValue);
    return '';
  }
  return String(value);
}

function recordsOf(sheet: Worksheet): SpreadsheetRow[] {
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column] = foldText(text(cell.value));
  });
  if (header.filter(Boolean).length === 0) throw new SpreadsheetError('the first line must name the columns (nom, commune, code postal, …)');
  const rows: SpreadsheetRow[] = [];
  for (let line = 2; line <= sheet.rowCount; line += 1) {
    const row = sheet.getRow(line);
    const record: IliRecord = {};
    let empty = true;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = header[column];
      const value = text(cell.value).trim();
      if (!name || value === '') return;
      record[name] = value;
      empty = false;
    });
    if (empty) continue;
    rows.push({ line, record });
    if (rows.length > ILI_IMPORT_MAX_ROWS) throw new SpreadsheetError(`the file holds more than ${ILI_IMPORT_MAX_ROWS} rows`);
  }
  return rows;
}

/** Spreadsheet programs in Belgium write `;` between columns; others `,`. */
function delimiterOf(content: string): string {
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** The rows of a CSV (UTF-8, optional BOM) or XLSX file (first sheet), by folded header name. */
export async function readSpreadsheet(format: SpreadsheetFormat, buffer: Buffer): Promise<SpreadsheetRow[]> {
  const workbook = newWorkbook();
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new SpreadsheetError('the workbook has no sheet');
      return recordsOf(sheet);
    }
    const content = buffer.toString('utf8').replace(/^\uFEFF/, '');
    const sheet = await workbook.csv.read(Readable.from([content]), {
      // Keep every cell as typed: "0477 12 34 56" or "1300" must not become numbers or dates.
      map: (value: unknown) => value,
      parserOptions: { delimiter: delimiterOf(content), trim: true },
    });
    return recordsOf(sheet);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError(`the file could not be read as ${format.toUpperCase()}`);
  }
}

/** The directory as a file with ILI_EXPORT_COLUMNS, which the import reads back. */
export async function writeSpreadsheet(format: SpreadsheetFormat, rows: ReadonlyArray<Record<(typeof ILI_EXPORT_COLUMNS)[number], string>>): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.creator = 'Coupole';
  const sheet = workbook.addWorksheet('ILI');
  sheet.columns = ILI_EXPORT_COLUMNS.map((column) => ({ header: column, key: column, width: column === 'nom' ? 40 : 18 }));
  for (const row of rows) sheet.addRow(row);
  if (format === 'xlsx') {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { delimiter: ';', writeBOM: true } }));
}

