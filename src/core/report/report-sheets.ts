// Every sheet the job owns after a completed week: per-cohort pivots and charts, `Resumo`, and
// `Contatos da semana`, as full SheetContent the hosts write (and the Node preview draws).

import type { SchoolConfig } from '../config/load-config';
import { decodeHistoryRow, type HistoryRow } from '../history/schema';
import { cohortKeyOf, cohortOfSheetKey, cohortSheetKeys, placeKeyedSheets } from '../identity/cohort-sheets';
import { type IdentityRecord, readIdentityRecord } from '../identity/identity-record';
import { recordOwnedSheets } from '../identity/reconcile';
import { SheetDirectory } from '../identity/sheet-directory';
import { REPORT_SHEET } from '../identity/sheet-names';
import { SHEET } from '../sheets';
import type { Cell, SheetContent, Workbook } from '../workbook/workbook';
import { buildCohortCharts } from './charts';
import { buildWeeklyContacts, type WeeklyContacts } from './contacts';
import { buildOverview } from './overview';
import { buildCohortPivot } from './pivot';

export interface ReportSheet {
  readonly name: string;
  readonly content: SheetContent;
  /** A cohort's own sheet: its identity key (the cohort's ID), which its tab keeps across renames. */
  readonly key?: string;
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
 * `Resumo`'s headline counts the students `Contatos da semana` lists.
 */
export function buildReportSheets(history: readonly HistoryRow[], config: SchoolConfig, previousContacts: Cell[][] | null): ReportSheet[] {
  return buildReports(history, config, previousContacts).sheets;
}

function buildReports(
  history: readonly HistoryRow[],
  config: SchoolConfig,
  previousContacts: Cell[][] | null,
): { sheets: ReportSheet[]; contacts: WeeklyContacts } {
  const contacts = buildWeeklyContacts(history, config, previousContacts);
  const overview = buildOverview(history, config, { contactCount: contacts.entries.length });
  const sheets: ReportSheet[] = [
    {
      name: overview.sheetName,
      content: {
        rows: overview.table,
        headerRow: overview.headerRow,
        columnFormats: overview.columnFormats,
        frozenRows: overview.headerRow + 1,
        rowStyles: overview.rowStyles,
        hiddenColumns: overview.hiddenColumns,
        charts: overview.charts,
        owned: true,
      },
    },
    { name: contacts.sheetName, content: contacts.content },
  ];
  const withHistory = new Set(history.map((row) => row.cohort));
  const cohorts = [...config.cohorts.filter((cohort) => cohort.active), ...config.cohorts.filter((cohort) => !cohort.active)];
  for (const cohort of cohorts) {
    if (!withHistory.has(cohort.name)) continue;
    const pivot = buildCohortPivot(history, cohort, config);
    const charts = buildCohortCharts(history, cohort, config);
    const tabColor = pivot.archived ? ARCHIVED_TAB : undefined;
    const keys = cohortSheetKeys(cohortKeyOf(cohort));
    sheets.push({
      key: keys.pivot,
      name: pivot.sheetName,
      content: {
        rows: [...pivot.titleRows, pivot.header, ...pivot.rows],
        headerRow: pivot.headerRow,
        columnFormats: pivot.columnFormats,
        columnWidths: pivot.columnWidths,
        wrappedColumns: pivot.wrappedColumns,
        rowStyles: pivot.rowStyles,
        frozenRows: pivot.frozenRows,
        frozenColumns: pivot.frozenColumns,
        conditionalFormats: pivot.conditionalFormats,
        filter: pivot.filter,
        tabColor,
        mutedRows: pivot.dropoutRows.map((index) => pivot.headerRow + 1 + index),
        owned: true,
      },
    });
    sheets.push({
      key: keys.charts,
      name: charts.sheetName,
      content: {
        rows: charts.table,
        headerRow: charts.headerRow,
        columnFormats: charts.columnFormats,
        rowStyles: charts.rowStyles,
        frozenRows: 0,
        charts: charts.charts,
        tabColor,
        owned: true,
      },
    });
  }
  return { sheets, contacts };
}

/**
 * Rows copied out of `Histórico` before a rename (an archive, BigQuery) still carry a cohort's former
 * name: they count under its current one. A former name that is now another configured cohort's,
 * or was two cohorts' (a swap), stays as it is: which cohort it meant is no longer known.
 */
function underCurrentNames(history: readonly HistoryRow[], config: SchoolConfig, record: IdentityRecord): readonly HistoryRow[] {
  const current = new Set(config.cohorts.map((cohort) => cohort.name));
  const alias = new Map<string, string | null>();
  for (const cohort of record.cohorts.values()) {
    for (const former of cohort.formerNames) {
      if (current.has(former) || former === cohort.name) continue;
      alias.set(former, alias.has(former) && alias.get(former) !== cohort.name ? null : cohort.name);
    }
  }
  if (![...alias.values()].some((name) => name !== null)) return history;
  return history.map((row) => {
    const name = alias.get(row.cohort);
    return name ? { ...row, cohort: name } : row;
  });
}

/**
 * Rebuilds every owned report sheet. A cohort's sheets are found by its ID, so a renamed cohort's
 * sheets are renamed (charts kept) rather than rebuilt; those of a cohort removed from `Turmas` are
 * deleted. A sheet the job cannot tell as its own is never deleted. The history comes from
 * `Histórico`, or from `history` when the host has a fuller source (BigQuery, after weeks were archived).
 */
export function writeReports(
  workbook: Workbook,
  config: SchoolConfig,
  history: readonly HistoryRow[] = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone),
): { written: string[]; removed: string[]; contacts: WeeklyContacts } {
  const previousContacts = workbook.readSheet(REPORT_SHEET.contacts);
  const { sheets, contacts } = buildReports(underCurrentNames(history, config, readIdentityRecord(workbook)), config, previousContacts);
  const directory = new SheetDirectory(workbook);
  const configured = new Set(config.cohorts.map((cohort) => cohortKeyOf(cohort)));
  const isOrphan = (key: string) => {
    const cohort = cohortOfSheetKey(key);
    return cohort !== null && !configured.has(cohort);
  };
  const placement = placeKeyedSheets(
    directory,
    sheets.flatMap((sheet) => (sheet.key ? [{ key: sheet.key, name: sheet.name }] : [])),
    isOrphan,
  );
  const written: string[] = [];
  for (const sheet of sheets) {
    const name = sheet.key === undefined ? sheet.name : (placement.names.get(sheet.key) ?? sheet.name);
    workbook.writeSheet(name, sheet.content);
    directory.created(name);
    if (sheet.key !== undefined && !placement.names.has(sheet.key)) directory.setIdentity(name, sheet.key);
    written.push(name);
  }
  const removed = directory
    .keys()
    .filter(isOrphan)
    .flatMap((key) => directory.carriers(key));
  for (const name of removed) directory.delete(name);
  recordOwnedSheets(workbook);
  return { written, removed, contacts };
}
