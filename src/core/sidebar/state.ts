// What the sidebar shows, read from the workbook: cohorts with their counts, adjustments, last runs.

import { type Adjustment, parseAdjustments } from '../adjustments/adjustments-sheet';
import { loadConfig } from '../config/load-config';
import { readHistoryRows } from '../report/report-sheets';
import { SHEET } from '../sheets';
import { localDateOfSerial } from '../time/local-date';
import type { Workbook } from '../workbook/workbook';
import type { AdjustmentView, CohortView, RunStatus, RunSummary, SidebarState } from './api';

export function adjustmentView(adjustment: Adjustment): AdjustmentView {
  const { row: _row, undoneAt, ...shown } = adjustment;
  return { ...shown, undone: undoneAt !== null };
}

function lastRuns(workbook: Workbook, count: number): RunSummary[] {
  const rows = (workbook.readSheet(SHEET.runs) ?? []).slice(1).slice(-count).reverse();
  return rows.map((row) => ({
    startedAt: typeof row[0] === 'number' ? localDateOfSerial(row[0]) : String(row[0] ?? ''),
    week: typeof row[3] === 'number' ? localDateOfSerial(row[3]) : String(row[3] ?? ''),
    outcome: String(row[4] ?? ''),
    message: String(row[11] ?? ''),
  }));
}

export function buildSidebarState(workbook: Workbook, run: RunStatus, tokenConfigured: boolean): SidebarState {
  const config = loadConfig(workbook);
  const history = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone);
  const latestWeek = new Map<string, string>();
  for (const row of history) if ((latestWeek.get(row.cohort) ?? '') < row.week) latestWeek.set(row.cohort, row.week);
  const students = new Map<string, Set<number>>();
  for (const row of history) {
    if (latestWeek.get(row.cohort) !== row.week) continue;
    const set = students.get(row.cohort) ?? new Set<number>();
    set.add(row.studentId);
    students.set(row.cohort, set);
  }
  const cohorts: CohortView[] = config.cohorts.map((cohort) => ({
    name: cohort.name,
    tagId: cohort.tagId,
    start: cohort.start,
    productIds: [...cohort.productIds],
    goalTrack: cohort.goalTrack,
    tutorEmail: cohort.tutorEmail,
    active: cohort.active,
    studentCount: students.get(cohort.name)?.size ?? null,
    lastWeek: latestWeek.get(cohort.name) ?? null,
  }));
  const adjustments = parseAdjustments(workbook.readSheet(SHEET.adjustments)).slice(-30).reverse().map(adjustmentView);
  return { cohorts, goalTracks: [...config.goalTracks.keys()], adjustments, run, lastRuns: lastRuns(workbook, 5), tokenConfigured };
}
