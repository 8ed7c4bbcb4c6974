// Every sheet the job owns after a completed week: per-cohort pivots and charts, `Resumo`, and
// `Contatos da semana`, as full SheetContent the hosts write (and the Node preview draws).

import type { SchoolConfig } from '../config/load-config';
import { decodeHistoryRow, type HistoryRow } from '../history/schema';
import { SHEET } from '../sheets';
import type { Cell, SheetContent, Workbook } from '../workbook/workbook';
import { buildCohortCharts } from './charts';
import { buildWeeklyContacts, type WeeklyContacts } from './contacts';
import { buildOverview } from './overview';
import { buildCohortPivot } from './pivot';
import { orphanReportSheets, REPORT_SHEET } from './sheet-names';

export interface ReportSheet {
  readonly name: string;
  readonly content: SheetContent;
}

const ARCHIVED_TAB = '#9e9e9e';

/** Decodes `Histórico` (unreadable rows are skipped: reports show what can be read). */
export function readHistoryRows(values: Cell[][] | null, timeZone: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const cells of (values ?? []).slice(1)) {
    const row = decodeHistoryRow(cells, timeZone);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * The owned report sheets, in tab order: `Resumo`, `Contatos da semana`, then each cohort with
 * history (active ones, then archived ones kept and marked) as `Turma …` and `Gráficos …`.
 */
export function buildReportSheets(history: readonly HistoryRow[], config: SchoolConfig, previousContacts: Cell[][] | null): ReportSheet[] {
  return buildReports(history, config, previousContacts).sheets;
}

function buildReports(history: readonly HistoryRow[], config: SchoolConfig, previousContacts: Cell[][] | null): { sheets: ReportSheet[]; contacts: WeeklyContacts } {
  const overview = buildOverview(history, config);
  const contacts = buildWeeklyContacts(history, config, previousContacts);
  const sheets: ReportSheet[] = [
    { name: overview.sheetName, content: { rows: overview.table, columnFormats: overview.columnFormats, frozenRows: 1, charts: overview.charts, owned: true } },
    { name: contacts.sheetName, content: { rows: contacts.rows, columnFormats: contacts.columnFormats, frozenRows: contacts.frozenRows, filter: true } },
  ];
  const withHistory = new Set(history.map((row) => row.cohort));
  const cohorts = [...config.cohorts.filter((cohort) => cohort.active), ...config.cohorts.filter((cohort) => !cohort.active)];
  for (const cohort of cohorts) {
    if (!withHistory.has(cohort.name)) continue;
    const pivot = buildCohortPivot(history, cohort, config);
    const charts = buildCohortCharts(history, cohort, config);
    const tabColor = pivot.archived ? ARCHIVED_TAB : undefined;
    sheets.push({
      name: pivot.sheetName,
      content: {
        rows: [pivot.header, ...pivot.rows],
        columnFormats: pivot.columnFormats,
        frozenRows: pivot.frozenRows,
        frozenColumns: pivot.frozenColumns,
        conditionalFormats: pivot.conditionalFormats,
        filter: pivot.filter,
        tabColor,
        mutedRows: pivot.dropoutRows.map((index) => index + 1),
        owned: true,
      },
    });
    sheets.push({ name: charts.sheetName, content: { rows: charts.table, frozenRows: 0, charts: charts.charts, tabColor, owned: true } });
  }
  return { sheets, contacts };
}

/**
 * Rebuilds every owned report sheet and removes the sheets of renamed cohorts. The history comes from
 * `Histórico`, or from `history` when the host has a fuller source (BigQuery, after weeks were archived).
 */
export function writeReports(workbook: Workbook, config: SchoolConfig, history: readonly HistoryRow[] = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone)): { written: string[]; removed: string[]; contacts: WeeklyContacts } {
  const previousContacts = workbook.readSheet(REPORT_SHEET.contacts);
  const { sheets, contacts } = buildReports(history, config, previousContacts);
  for (const sheet of sheets) workbook.writeSheet(sheet.name, sheet.content);
  const written = new Set(sheets.map((sheet) => sheet.name));
  const removed = orphanReportSheets(workbook.sheetNames(), config.cohorts.map((cohort) => cohort.name)).filter((name) => !written.has(name));
  removed.forEach((name) => workbook.deleteSheet(name));
  return { written: [...written], removed, contacts };
}
