// The config sheets a new workbook starts with: headers, defaults and one goal track to edit.

import { SETTING_HELP } from '../messages/config';
import type { CohortConfig } from '../model/cohort';
import { DEFAULT_GOAL_TRACK } from '../model/goals';
import type { Settings } from '../model/settings';
import { COHORT_HEADERS, DATE_FORMAT, GOAL_HEADERS, SETTINGS_HEADERS, SHEET } from '../sheets';
import { serialOfLocalDate } from '../time/local-date';
import type { Cell, SheetContent, Workbook } from '../workbook/workbook';
import { tutorCellText } from './cohorts-sheet';
import { SETTING_FIELDS, settingTemplateValue } from './settings-sheet';

/** Every setting has its help text: a setting added to `Settings` without one fails to compile here. */
const SETTING_DESCRIPTIONS: Readonly<Record<keyof Settings, string>> = SETTING_HELP;

export function settingsTemplate(): SheetContent {
  return {
    rows: [[...SETTINGS_HEADERS, 'Descrição'], ...SETTING_FIELDS.map((field) => [field.key, settingTemplateValue(field), SETTING_DESCRIPTIONS[field.field]])],
    frozenRows: 1,
  };
}

/** `Produtos` is plain text ('@'): a Brazilian spreadsheet would read "11,12" as a number. */
export const COHORT_FORMATS: readonly (string | undefined)[] = [undefined, '0', DATE_FORMAT, '@'];

export function cohortsTemplate(): SheetContent {
  return { rows: [[...COHORT_HEADERS]], columnFormats: COHORT_FORMATS, frozenRows: 1 };
}

export function goalsTemplate(): SheetContent {
  return {
    rows: [[...GOAL_HEADERS], ...DEFAULT_GOAL_TRACK.points.map((point) => [DEFAULT_GOAL_TRACK.name, point.week, point.expected])],
    frozenRows: 1,
  };
}

/** Creates whichever config sheets are missing; never overwrites what a coordinator typed. */
export function ensureConfigSheets(workbook: Workbook): string[] {
  const created: string[] = [];
  const existing = new Set(workbook.sheetNames());
  const templates: [string, () => SheetContent][] = [
    [SHEET.settings, settingsTemplate],
    [SHEET.cohorts, cohortsTemplate],
    [SHEET.goals, goalsTemplate],
  ];
  for (const [name, template] of templates) {
    if (existing.has(name)) continue;
    workbook.writeSheet(name, template());
    created.push(name);
  }
  return created;
}

/** The `Turmas` row of a cohort, as `cohort add` appends it. */
export function cohortRow(cohort: Omit<CohortConfig, 'sheetRow'>): Cell[] {
  return [
    cohort.name,
    cohort.tagId,
    serialOfLocalDate(cohort.start),
    cohort.productIds.join(','),
    cohort.goalTrack ?? '',
    tutorCellText(cohort),
    cohort.active ? 'Sim' : 'Não',
  ];
}
