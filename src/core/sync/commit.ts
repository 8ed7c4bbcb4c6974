// The end of a run: the week's rows go into `Histórico` in one write, then the staging is dropped.

import type { Cell, Workbook } from '../workbook/workbook';
import { SHEET } from '../sheets';
import { checkHistoryHeader, encodeHistoryRow, HISTORY_FORMATS } from '../history/schema';
import { planWeekReplacement } from '../history/week-replacement';
import type { SyncResult } from './job';

/**
 * Writes a completed week; rows of other weeks are left as they are. Returns the whole table as it
 * now stands, so the reports can be built without reading `Histórico` again.
 */
export function commitWeek(workbook: Workbook, result: SyncResult, timeZone: string): Cell[][] {
  const stored = workbook.readSheet(SHEET.history);
  checkHistoryHeader(stored);
  const weekRows = result.rows.map((row) => encodeHistoryRow(row, timeZone));
  const plan = planWeekReplacement(stored, result.week, weekRows);
  if (stored === null || stored.length === 0) {
    workbook.writeSheet(SHEET.history, { rows: plan.rows, columnFormats: HISTORY_FORMATS, frozenRows: 1, owned: true });
  } else {
    workbook.replaceRowsFrom(SHEET.history, plan.fromRow, plan.rows, HISTORY_FORMATS);
  }
  return [...(stored ?? []).slice(0, plan.fromRow), ...plan.rows];
}

/**
 * Drops the staging sheet. Hosts call it only after the checkpoint is gone: a slice killed between
 * the Histórico write and this point resumes from a full staging and rewrites the same week.
 */
export function dropStaging(workbook: Workbook): void {
  if (workbook.sheetNames().includes(SHEET.staging)) workbook.deleteSheet(SHEET.staging);
}

