// The fixed sheets the job owns (`Histórico`, `Execuções`, `Resumo`…), found by their identity key,
// not by their tab name: a renamed one gets its name back, a missing one that held data stops the run.

import { isHistoryHeader } from '../history/migrations';
import * as say from '../messages/identity';
import type { ConfigIssue } from '../model/issues';
import { type OwnedSheet, SHEET } from '../sheets';
import type { SheetDirectory } from './sheet-directory';

export interface OwnedSheetOutcome {
  readonly issues: ConfigIssue[];
  /** The sheet is there now, carrying its identity. */
  readonly present: boolean;
  /** False when no run may write this sheet now (missing, its name taken, duplicated): the issues say why. */
  readonly usable: boolean;
}

/** Sheets that are never a renamed `Histórico`: the config sheets people edit, and the job's staging. */
const NOT_HISTORY: ReadonlySet<string> = new Set([SHEET.settings, SHEET.cohorts, SHEET.goals, SHEET.adjustments, SHEET.staging, SHEET.identity]);

function issue(sheet: OwnedSheet, severity: ConfigIssue['severity'], message: string): ConfigIssue {
  return { sheet: sheet.name, row: -1, column: -1, columnName: '', severity, message };
}

/**
 * A workbook from before identities, whose `Histórico` was renamed: the one untagged sheet whose
 * header is Histórico's, current or of a layout a migration takes (dated backup copies are skipped by name).
 */
function historyByHeader(sheets: SheetDirectory): string | null {
  const workbook = sheets.workbook;
  const candidates = sheets
    .names()
    .filter((name) => sheets.keyOf(name) === undefined && !NOT_HISTORY.has(name) && !name.startsWith(`${SHEET.history} (backup`));
  const matches = candidates.filter((name) => {
    return isHistoryHeader(workbook.readSheet(name)?.[0] ?? []);
  });
  const [match, ...others] = matches;
  return match !== undefined && others.length === 0 ? match : null;
}

/**
 * Finds one owned sheet by its identity and brings it back to its name. `recorded`: the job created
 * (or adopted) it before, so its absence is news. A workbook from before identities has no record:
 * its sheets are adopted by their current names, once.
 */
export function restoreOwnedSheet(sheets: SheetDirectory, sheet: OwnedSheet, recorded: boolean): OwnedSheetOutcome {
  const carriers = sheets.carriers(sheet.key);
  const [firstCarrier] = carriers;
  if (firstCarrier !== undefined) {
    const chosen = carriers.includes(sheet.name) ? sheet.name : carriers.length === 1 || !sheet.keepsData ? firstCarrier : null;
    if (chosen === null) return { issues: [issue(sheet, 'error', say.ownedSheetDuplicated(carriers, sheet.name))], present: true, usable: false };
    if (carriers.length > 1) sheets.setIdentity(chosen, sheet.key);
    if (chosen === sheet.name) return { issues: [], present: true, usable: true };
    const taken = sheets.holderOf(sheet.name, chosen);
    if (taken === undefined) {
      sheets.rename(chosen, sheet.name);
      return { issues: [issue(sheet, 'warning', say.ownedSheetRenamedBack(chosen, sheet.name))], present: true, usable: true };
    }
    // A sheet the job rebuilds may take over the name's sheet; one that holds data must not split in two.
    if (sheet.keepsData) return { issues: [issue(sheet, 'error', say.ownedSheetNameTaken(chosen, sheet.name))], present: true, usable: false };
    sheets.setIdentity(taken, sheet.key);
    return { issues: [issue(sheet, 'warning', say.reportSheetNameTaken(chosen, sheet.name))], present: true, usable: true };
  }
  if (sheets.has(sheet.name)) {
    sheets.setIdentity(sheet.name, sheet.key);
    return { issues: recorded ? [issue(sheet, 'warning', say.ownedSheetAdopted(sheet.name))] : [], present: true, usable: true };
  }
  if (recorded) {
    return sheet.keepsData
      ? { issues: [issue(sheet, 'error', say.ownedSheetMissing(sheet.name))], present: false, usable: false }
      : { issues: [], present: false, usable: true };
  }
  if (sheet.name === SHEET.history) {
    const found = historyByHeader(sheets);
    if (found !== null && sheets.holderOf(sheet.name) === undefined) {
      sheets.rename(found, sheet.name);
      sheets.setIdentity(sheet.name, sheet.key);
      return { issues: [issue(sheet, 'warning', say.historyFoundByHeader(found, sheet.name))], present: true, usable: true };
    }
  }
  return { issues: [], present: false, usable: true };
}
