// The HTML preview written beside the workbook: every sheet as a table with its colours, and every
// chart drawn from the same specs the Apps Script host turns into native charts.

import { existsSync } from 'node:fs';
import { loadConfig } from '../core/config/load-config';
import { COHORT_FORMATS } from '../core/config/templates';
import { HISTORY_FORMATS } from '../core/history/schema';
import { REPORT_SHEET } from '../core/identity/sheet-names';
import { buildReportSheets, readHistoryRows } from '../core/report/report-sheets';
import { RUN_LOG_FORMATS } from '../core/runlog/run-log';
import { SHEET } from '../core/sheets';
import { formatBrDateTime } from '../core/time/pt-br-dates';
import type { SheetContent, Workbook } from '../core/workbook/workbook';
import { writeFileAtomically } from './atomic-file';
import { type PreviewSheet, renderPreviewHtml } from './preview';
import type { XlsxWorkbook } from './xlsx-workbook';

const PLAIN_SHEET_FORMATS: Readonly<Record<string, readonly (string | undefined)[]>> = {
  [SHEET.history]: HISTORY_FORMATS,
  [SHEET.runs]: RUN_LOG_FORMATS,
  [SHEET.cohorts]: COHORT_FORMATS,
};

/** The preview's path for a workbook path: `escola.xlsx` → `escola.html`. */
export function previewPathFor(workbookPath: string): string {
  return `${workbookPath.replace(/\.xlsx$/i, '')}.html`;
}

/** A workbook whose sheets' hidden state is known (the .xlsx's own): the port's contents do not carry it. */
export type PreviewWorkbook = Workbook & Pick<XlsxWorkbook, 'isSheetHidden'>;

/**
 * Renders every visible sheet of the workbook (a hidden one, `_Identidade` or one a person hid, is
 * left out); report sheets carry their charts and colour rules. The time it was made is the school's
 * wall clock, `dd/mm/aaaa hh:mm`.
 */
export async function writePreview(
  workbook: PreviewWorkbook,
  path: string,
  title: string,
  generatedAt: Date = new Date(),
  workbookPath?: string,
): Promise<void> {
  const config = loadConfig(workbook);
  const history = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone);
  const reports = new Map(buildReportSheets(history, config, workbook.readSheet(REPORT_SHEET.contacts)).map((sheet) => [sheet.name, sheet.content]));
  const sheets: PreviewSheet[] = [];
  for (const name of workbook.sheetNames()) {
    if (name === SHEET.staging) continue;
    const content: SheetContent = reports.get(name) ?? {
      rows: workbook.readSheet(name) ?? [],
      columnFormats: PLAIN_SHEET_FORMATS[name],
      frozenRows: 1,
    };
    sheets.push({ name, content: workbook.isSheetHidden(name) ? { ...content, hidden: true } : content });
  }
  // Report sheets first (what tutors and coordinators look at), then config and data sheets.
  sheets.sort((a, b) => Number(!reports.has(a.name)) - Number(!reports.has(b.name)));
  const html = await renderPreviewHtml(sheets, { title, generatedAt: formatBrDateTime(generatedAt.getTime(), config.settings.timeZone) });
  // The preview shows the same student data: no more readable than the workbook it comes from.
  writeFileAtomically(path, html, workbookPath !== undefined && existsSync(workbookPath) ? { limitTo: workbookPath } : {});
}
