// The order of the workbook's tabs, as people use them: what to read first, then the data, then what
// coordinators edit, then everything else. Hosts apply it with Workbook.arrangeSheets after each week.

import type { SchoolConfig } from '../config/load-config';
import { cohortKeyOf, cohortSheetKeys } from '../identity/cohort-sheets';
import { REPORT_SHEET } from '../identity/sheet-names';
import { SHEET } from '../sheets';
import type { Workbook } from '../workbook/workbook';

/** The job's own hidden sheets (`_Coleta`, `_Identidade`, `_Webhook`) are named with a leading `_`. */
function isJobStateSheet(name: string): boolean {
  return name.startsWith('_');
}

/**
 * The tab order: `Resumo` (the sheet the file opens on), `Contatos da semana`, each cohort's pivot
 * then its charts (`cohortSheets`, in report order: active cohorts, then archived), `Histórico`,
 * `Execuções`, the config sheets (`Configuração`, `Turmas`, `Metas`, `Ajustes`), then every other
 * sheet (people's own) in its current order, the job's hidden sheets last. Only sheets in `existing`
 * are listed, each once.
 */
export function tabOrder(existing: readonly string[], cohortSheets: readonly string[]): string[] {
  const present = new Set(existing);
  const leading = [
    REPORT_SHEET.overview,
    REPORT_SHEET.contacts,
    ...cohortSheets,
    SHEET.history,
    SHEET.runs,
    SHEET.settings,
    SHEET.cohorts,
    SHEET.goals,
    SHEET.adjustments,
  ];
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (name: string) => {
    if (!present.has(name) || placed.has(name)) return;
    placed.add(name);
    order.push(name);
  };
  for (const name of leading) place(name);
  for (const name of existing) if (!isJobStateSheet(name)) place(name);
  for (const name of existing) place(name);
  return order;
}

/**
 * Each cohort's pivot and chart sheets as they are named now, found by identity key (a tab renamed by
 * hand keeps its place), active cohorts first, each group in `Turmas` order.
 */
function cohortSheetsInOrder(workbook: Workbook, config: SchoolConfig): string[] {
  const identities = workbook.sheetIdentities();
  const cohorts = [...config.cohorts.filter((cohort) => cohort.active), ...config.cohorts.filter((cohort) => !cohort.active)];
  return cohorts.flatMap((cohort) => {
    const keys = cohortSheetKeys(cohortKeyOf(cohort));
    return [...(identities.get(keys.pivot) ?? []), ...(identities.get(keys.charts) ?? [])];
  });
}

/** Puts the workbook's tabs in tabOrder and makes `Resumo` (when there is one) the sheet the file opens on. */
export function arrangeTabs(workbook: Workbook, config: SchoolConfig): void {
  workbook.arrangeSheets(tabOrder(workbook.sheetNames(), cohortSheetsInOrder(workbook, config)));
}
