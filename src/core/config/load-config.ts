// Reads and validates the three config sheets together (cohorts refer to goal tracks).

import type { CohortConfig } from '../model/cohort';
import type { GoalTrack } from '../model/goals';
import type { Settings } from '../model/settings';
import type { CellNote, Workbook } from '../workbook/workbook';
import { SHEET } from '../sheets';
import { parseCohortsSheet } from './cohorts-sheet';
import { parseGoalsSheet } from './goals-sheet';
import { parseSettingsSheet } from './settings-sheet';
import type { ConfigIssue } from './issues';

export interface SchoolConfig {
  readonly settings: Settings;
  /** The valid cohorts, active or archived; broken rows are left out (and listed in `issues`). */
  readonly cohorts: readonly CohortConfig[];
  readonly goalTracks: ReadonlyMap<string, GoalTrack>;
  readonly issues: readonly ConfigIssue[];
}

export function loadConfig(workbook: Workbook): SchoolConfig {
  const { settings, issues: settingIssues } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  const { tracks, issues: goalIssues } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues: cohortIssues } = parseCohortsSheet(workbook.readSheet(SHEET.cohorts), tracks);
  return { settings, cohorts, goalTracks: tracks, issues: [...settingIssues, ...goalIssues, ...cohortIssues] };
}

/** Puts each issue on its cell as a note (replacing last run's), so the sheet shows what to fix. */
export function annotateConfigIssues(workbook: Workbook, issues: readonly ConfigIssue[]): void {
  for (const sheet of [SHEET.settings, SHEET.goals, SHEET.cohorts]) {
    if (!workbook.sheetNames().includes(sheet)) continue;
    const notes: CellNote[] = issues
      .filter((issue) => issue.sheet === sheet && issue.row >= 0)
      .map((issue) => ({ row: issue.row, column: Math.max(0, issue.column), message: issue.message }));
    workbook.setNotes(sheet, notes);
  }
}
