// What the sidebar shows, read from the workbook: cohorts with their counts, adjustments, last runs.

import { type Adjustment, parseAdjustments } from '../adjustments/adjustments-sheet';
import { defaultGoalOf } from '../config/cohort-editing';
import { tutorCellText } from '../config/cohorts-sheet';
import { loadConfig } from '../config/load-config';
import type { StudentId } from '../model/ids';
import { readHistoryRows } from '../report/report-sheets';
import type { RUN_LOG_HEADERS } from '../runlog/run-log';
import { SHEET } from '../sheets';
import { localDateOfSerial } from '../time/local-date';
import { cellAt } from '../workbook/cell-at';
import type { Cell, Workbook } from '../workbook/workbook';
import type { AdjustmentView, CohortView, RunStatus, RunSummary, SidebarState } from './api';

export function adjustmentView(adjustment: Adjustment): AdjustmentView {
  const { row: _row, undoneAt, ...shown } = adjustment;
  return { ...shown, undone: undoneAt !== null };
}

const MINUTES_PER_DAY = 1440;

/** A date-time serial (the school's wall clock) as 'YYYY-MM-DDTHH:MM', rounded to the minute. */
function isoDateTimeOfSerial(serial: number): string {
  const minutes = Math.round(serial * MINUTES_PER_DAY);
  const ofDay = minutes - Math.floor(minutes / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${localDateOfSerial(Math.floor(minutes / MINUTES_PER_DAY))}T${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}`;
}

/** The newest `count` rows of `Execuções`, read by header (a column added to the log moves nothing here). */
function lastRuns(workbook: Workbook, count: number): RunSummary[] {
  const [header = [], ...entries] = workbook.readSheet(SHEET.runs) ?? [];
  const names = header.map((cell) => String(cell ?? '').trim());
  const at = (row: readonly Cell[], name: (typeof RUN_LOG_HEADERS)[number]): Cell => cellAt(row, names.indexOf(name));
  return entries
    .slice(-count)
    .reverse()
    .map((row) => {
      const started = at(row, 'Início');
      const week = at(row, 'Semana');
      return {
        startedAt: typeof started === 'number' ? isoDateTimeOfSerial(started) : String(started ?? ''),
        week: typeof week === 'number' ? localDateOfSerial(week) : String(week ?? ''),
        outcome: String(at(row, 'Situação') ?? ''),
        message: String(at(row, 'Mensagem') ?? ''),
      };
    });
}

export function buildSidebarState(workbook: Workbook, run: RunStatus, tokenConfigured: boolean): SidebarState {
  const config = loadConfig(workbook);
  const history = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone);
  const latestWeek = new Map<string, string>();
  for (const row of history) if ((latestWeek.get(row.cohort) ?? '') < row.week) latestWeek.set(row.cohort, row.week);
  const students = new Map<string, Set<StudentId>>();
  for (const row of history) {
    if (latestWeek.get(row.cohort) !== row.week) continue;
    const set = students.get(row.cohort) ?? new Set<StudentId>();
    set.add(row.studentId);
    students.set(row.cohort, set);
  }
  const cohorts: CohortView[] = config.cohorts.map((cohort) => ({
    name: cohort.name,
    tagId: cohort.tagId,
    start: cohort.start,
    productIds: [...cohort.productIds],
    goalTrack: cohort.goalTrack,
    // The `Tutor` cell's text (with the name when it has one), so editing the form keeps the name.
    tutorEmail: tutorCellText(cohort) || null,
    active: cohort.active,
    studentCount: students.get(cohort.name)?.size ?? null,
    lastWeek: latestWeek.get(cohort.name) ?? null,
  }));
  const adjustments = parseAdjustments(workbook.readSheet(SHEET.adjustments)).slice(-30).reverse().map(adjustmentView);
  return {
    cohorts,
    goalTracks: [...config.goalTracks.keys()],
    defaultGoal: defaultGoalOf(config.settings, config.goalTracks),
    adjustments,
    run,
    lastRuns: lastRuns(workbook, 5),
    tokenConfigured,
  };
}
