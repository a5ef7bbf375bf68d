import type { Workbook } from 'exceljs';

/** A new spreadsheet. exceljs is loaded on first use, not at every start (README, "Start-up"). */
export function newWorkbook(): Workbook {
  const { Workbook: ExcelWorkbook } = require('exceljs') as typeof import('exceljs');
  return new ExcelWorkbook();
}
