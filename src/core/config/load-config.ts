// Reads and validates the three config sheets together (cohorts refer to goal tracks).

import { followCohortSheets, reconcileIdentities } from '../identity/reconcile';
import type { CohortConfig } from '../model/cohort';
import type { GoalTrack } from '../model/goals';
import type { ConfigIssue } from '../model/issues';
import type { Settings } from '../model/settings';
import { SHEET } from '../sheets';
import type { CellNote, Workbook } from '../workbook/workbook';
import { parseCohortsSheet } from './cohorts-sheet';
import { defaultGoalIssues } from './default-goal';
import { parseGoalsSheet } from './goals-sheet';
import { parseSettingsSheet } from './settings-sheet';

export interface SchoolConfig {
  readonly settings: Settings;
  /** The valid cohorts, active or archived; broken rows are left out (and listed in `issues`). */
  readonly cohorts: readonly CohortConfig[];
  readonly goalTracks: ReadonlyMap<string, GoalTrack>;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Reads and validates the config sheets, after bringing the workbook's identities up to date (see
 * identity/reconcile): owned sheets found by key and named back, a missing `Histórico` reported as a
 * blocking issue (row -1, so no run writes), cohort IDs filled, renamed cohorts followed. Each of
 * these writes only when something changed; a steady workbook costs the read of its sheet identities and of `_Identidade`.
 */
export function loadConfig(workbook: Workbook): SchoolConfig {
  const identity = reconcileIdentities(workbook);
  const settingsSheet = workbook.readSheet(SHEET.settings);
  const { settings, issues: settingIssues } = parseSettingsSheet(settingsSheet);
  const { tracks, issues: goalIssues } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues: cohortIssues } = parseCohortsSheet(workbook.readSheet(SHEET.cohorts), tracks);
  const knownIds = new Set(identity.cohortRows.map((row) => row.id));
  const followed = identity.cohortSheetsToFollow ? followCohortSheets(identity.sheets, cohorts, knownIds) : [];
  const sheetNotices = followed.map((message): ConfigIssue => ({ sheet: SHEET.cohorts, row: -1, column: -1, columnName: '', severity: 'warning', message }));
  return {
    settings,
    cohorts,
    goalTracks: tracks,
    issues: [...identity.issues, ...settingIssues, ...defaultGoalIssues(settingsSheet, settings, tracks), ...goalIssues, ...cohortIssues, ...sheetNotices],
  };
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
