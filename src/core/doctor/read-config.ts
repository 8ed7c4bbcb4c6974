// The config as the check reads it: the same parsers as loadConfig, without its identity
// reconciliation, which writes (cohort IDs, sheet names). The check must change nothing, in the
// .xlsx as in a live spreadsheet a slice may be writing.

import { parseCohortsSheet } from '../config/cohorts-sheet';
import { defaultGoalIssues } from '../config/default-goal';
import { parseGoalsSheet } from '../config/goals-sheet';
import type { SchoolConfig } from '../config/load-config';
import { type ApiUrlSetting, parseSettingsSheet } from '../config/settings-sheet';
import { SHEET } from '../sheets';
import type { Workbook } from '../workbook/workbook';

/** Reads `Configuração`, `Metas` and `Turmas` (reads only), and `URL da API` as the cell says it. */
export function readConfigForCheck(workbook: Pick<Workbook, 'readSheet'>): { config: SchoolConfig; apiUrlCell: ApiUrlSetting } {
  const settingsSheet = workbook.readSheet(SHEET.settings);
  const { settings, issues: settingIssues, apiUrl } = parseSettingsSheet(settingsSheet);
  const { tracks, issues: goalIssues } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues: cohortIssues } = parseCohortsSheet(workbook.readSheet(SHEET.cohorts), tracks);
  const issues = [...settingIssues, ...defaultGoalIssues(settingsSheet, settings, tracks), ...goalIssues, ...cohortIssues];
  return { config: { settings, cohorts, goalTracks: tracks, issues }, apiUrlCell: apiUrl };
}
