// Bringing the workbook's identities up to date before anything reads it by name: the owned sheets
// found by key (renamed ones named back, a missing `Histórico` reported), every cohort with an ID,
// renamed cohorts followed (history, moves, sheets). Changes nothing when nothing changed.

import type { CohortConfig } from '../model/cohort';
import type { ConfigIssue } from '../model/issues';
import { OWNED_SHEETS, SHEET } from '../sheets';
import type { Workbook } from '../workbook/workbook';
import { type CohortRow, followCohorts } from './cohort-ids';
import { cohortKeyOf, cohortOfSheetKey, cohortSheetKeys, type KeyedSheet, placeKeyedSheets } from './cohort-sheets';
import { type IdentityRecord, readIdentityRecord, sameRecord, writeIdentityRecord } from './identity-record';
import { restoreOwnedSheet } from './owned-sheets';
import { SheetDirectory } from './sheet-directory';
import { reportSheetNames } from './sheet-names';

export interface Reconciled {
  readonly issues: ConfigIssue[];
  /** Every `Turmas` row's ID, in sheet order (rows the parser refuses too). */
  readonly cohortRows: readonly CohortRow[];
  /**
   * True when the cohorts' sheets must be brought to their names now: a rename was followed, or the
   * record knew no cohort yet (a workbook from before IDs, whose sheets are adopted by name).
   */
  readonly cohortSheetsToFollow: boolean;
  readonly sheets: SheetDirectory;
}

/** Step 1: owned sheets and cohort IDs (before `Turmas` is parsed, so the parser sees the IDs). */
export function reconcileIdentities(workbook: Workbook): Reconciled {
  const sheets = new SheetDirectory(workbook);
  const issues: ConfigIssue[] = [];
  // The record's own sheet first: it says which of the others existed.
  const recordSheet = OWNED_SHEETS.find((sheet) => sheet.name === SHEET.identity)!;
  restoreOwnedSheet(sheets, recordSheet, false);
  const record = readIdentityRecord(workbook);
  const present = new Set(record.sheets);
  let historyUsable = true;
  for (const sheet of OWNED_SHEETS) {
    if (sheet === recordSheet) continue;
    const outcome = restoreOwnedSheet(sheets, sheet, record.sheets.has(sheet.key));
    issues.push(...outcome.issues);
    if (outcome.present) present.add(sheet.key);
    if (sheet.name === SHEET.history) historyUsable = outcome.usable;
  }
  const followed = followCohorts(workbook, record.cohorts, historyUsable);
  issues.push(...followed.issues);
  saveRecord(workbook, record, { sheets: present, cohorts: followed.cohorts });
  return { issues, cohortRows: followed.rows, cohortSheetsToFollow: followed.renamed > 0 || record.cohorts.size === 0, sheets };
}

/** The sheets each cohort should own, by key, named as the reports name them (`Turmas` order). */
function cohortSheetsWanted(cohorts: readonly Pick<CohortConfig, 'id' | 'name'>[]): KeyedSheet[] {
  const names = reportSheetNames(cohorts.map((cohort) => cohort.name));
  return cohorts.flatMap((cohort) => {
    const keys = cohortSheetKeys(cohortKeyOf(cohort));
    const named = names.get(cohort.name)!;
    return [
      { key: keys.pivot, name: named.pivot },
      { key: keys.charts, name: named.charts },
    ];
  });
}

/**
 * Step 2: each configured cohort's existing sheets renamed to follow its name (never created here).
 * `knownIds`: every ID in `Turmas`; a sheet of any other cohort is a removed cohort's and may yield its name.
 */
export function followCohortSheets(sheets: SheetDirectory, cohorts: readonly CohortConfig[], knownIds: ReadonlySet<string>): string[] {
  const wanted = cohortSheetsWanted(cohorts);
  if (!wanted.some((sheet) => sheets.carriers(sheet.key).length > 0 || sheets.has(sheet.name))) return [];
  const isOrphan = (key: string) => {
    const cohort = cohortOfSheetKey(key);
    return cohort !== null && !knownIds.has(cohort);
  };
  return placeKeyedSheets(sheets, wanted, isOrphan).notices;
}

/** After a week is written: the owned sheets that now exist are recorded (a `Histórico` created in this run included). */
export function recordOwnedSheets(workbook: Workbook): void {
  const record = readIdentityRecord(workbook);
  const identities = workbook.sheetIdentities();
  const present = new Set(record.sheets);
  for (const sheet of OWNED_SHEETS) if (sheet.name !== SHEET.identity && (identities.get(sheet.key) ?? []).length > 0) present.add(sheet.key);
  saveRecord(workbook, record, { sheets: present, cohorts: record.cohorts });
}

function saveRecord(workbook: Workbook, before: IdentityRecord, after: IdentityRecord): void {
  const empty = after.sheets.size === 0 && after.cohorts.size === 0;
  if (sameRecord(before, after) || (empty && workbook.readSheet(SHEET.identity) === null)) return;
  writeIdentityRecord(workbook, after);
}
