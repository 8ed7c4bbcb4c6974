// The goal track a new cohort gets when none is chosen: one rule for `cohort add` and the sidebar's
// "Nova turma". `Meta padrão` in `Configuração` names it (default `Padrão`, the track `init` writes);
// it applies only while `Metas` has that track.

import * as say from '../messages/config';
import type { GoalTrack } from '../model/goals';
import type { ConfigIssue } from '../model/issues';
import type { Settings } from '../model/settings';
import { SETTINGS_HEADERS, SHEET } from '../sheets';
import type { Cell, Workbook } from '../workbook/workbook';
import { locateColumns } from './cells';
import { parseGoalsSheet } from './goals-sheet';
import { parseSettingsSheet, SETTING_FIELDS } from './settings-sheet';

/** The school's default goal, or why there is none (a pt-BR reason to show beside "sem meta"). */
export type DefaultGoal = { readonly track: string } | { readonly track: null; readonly reason: string };

const DEFAULT_GOAL_KEY = SETTING_FIELDS.find((field) => field.field === 'defaultGoalTrack')?.key ?? '';

/** The default goal from parsed settings and tracks (pure). */
export function defaultGoalOf(settings: Pick<Settings, 'defaultGoalTrack'>, tracks: ReadonlyMap<string, GoalTrack>): DefaultGoal {
  const named = settings.defaultGoalTrack.trim();
  if (named === '') return { track: null, reason: say.DEFAULT_GOAL_EMPTY };
  return tracks.has(named) ? { track: named } : { track: null, reason: say.defaultGoalMissing(named) };
}

/** The default goal of a workbook, read from `Configuração` and `Metas` (reads only; writes nothing). */
export function defaultGoalFor(workbook: Workbook): DefaultGoal {
  const { settings } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  const { tracks } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  return defaultGoalOf(settings, tracks);
}

/** A warning at the `Meta padrão` cell when it names a track `Metas` does not have (empty means "none", on purpose). */
export function defaultGoalIssues(
  settingsSheet: Cell[][] | null,
  settings: Pick<Settings, 'defaultGoalTrack'>,
  tracks: ReadonlyMap<string, GoalTrack>,
): ConfigIssue[] {
  const named = settings.defaultGoalTrack.trim();
  if (settingsSheet === null || named === '' || tracks.has(named)) return [];
  const { columns, missing } = locateColumns(settingsSheet[0], SETTINGS_HEADERS);
  if (missing.length > 0) return [];
  const row = settingsSheet.findIndex(
    (cells, index) =>
      index > 0 &&
      String(cells[columns.Chave] ?? '')
        .trim()
        .toLowerCase() === DEFAULT_GOAL_KEY.toLowerCase(),
  );
  // No row: the default `Padrão` applies while Metas lacks it; nothing to point at (cohort add says why).
  if (row < 0) return [];
  return [
    {
      sheet: SHEET.settings,
      row,
      column: columns.Valor,
      columnName: 'Valor',
      severity: 'warning',
      message: say.settingIssue(DEFAULT_GOAL_KEY, say.defaultGoalNotInGoals(named)),
    },
  ];
}
