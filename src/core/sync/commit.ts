// The workbook's part of a run's end: the week's rows go into `Histórico` in one write, and the
// staging is dropped (in the order `week-commit` gives).

import { checkHistoryHeader, decodeHistoryRow, encodeHistoryRow, HISTORY_FORMATS, type HistoryRow, weekOfCell } from '../history/schema';
import { planWeekReplacement } from '../history/week-replacement';
import { SHEET } from '../sheets';
import type { Cell, Workbook } from '../workbook/workbook';
import type { SyncResult } from './job';

/** The table as it stands after the commit, and the week's rows it kept for cohorts this run did not collect. */
export interface CommittedWeek {
  readonly table: Cell[][];
  readonly keptRows: HistoryRow[];
}

/**
 * Writes a completed week: the rows of the cohorts this run collected replace theirs, the week's
 * rows of cohorts it could not collect stay, and rows of other weeks are left as they are. Returns
 * the whole table as it now stands, so the reports can be built without reading `Histórico` again.
 */
export function writeWeekToHistory(workbook: Workbook, result: SyncResult, timeZone: string): CommittedWeek {
  const stored = workbook.readSheet(SHEET.history);
  checkHistoryHeader(stored);
  const encoded = result.rows.map((row) => encodeHistoryRow(row, timeZone));
  const collected = new Set(result.collectedCohorts);
  const plan = planWeekReplacement(stored, result.week, encoded, { collectedCohorts: collected });
  if (stored === null || stored.length === 0) {
    workbook.writeSheet(SHEET.history, { rows: plan.rows, columnFormats: HISTORY_FORMATS, frozenRows: 1, owned: true });
  } else {
    workbook.replaceRowsFrom(SHEET.history, plan.fromRow, plan.rows, HISTORY_FORMATS);
  }
  const table = [...(stored ?? []).slice(0, plan.fromRow), ...plan.rows];
  // Every new row is of a collected cohort, so the week's rows of the others are exactly the kept ones.
  const keptRows = table
    .slice(1)
    .filter((row) => weekOfCell(row[0]) === result.week && !collected.has(String(row[1] ?? '')))
    .map((row) => decodeHistoryRow(row, timeZone))
    .filter((row): row is HistoryRow => row !== null);
  return { table, keptRows };
}

/**
 * Drops the staging sheet. `commitWeek` calls it only after the cursor is gone: a slice killed
 * between the Histórico write and this point resumes from a full staging and rewrites the same week.
 */
export function dropStaging(workbook: Workbook): void {
  if (workbook.sheetNames().includes(SHEET.staging)) workbook.deleteSheet(SHEET.staging);
}
