// Changing `Histórico`'s columns in a later release: a registered migration rewrites the sheet to
// the current headers, after copying it whole to a dated backup sheet. Nothing is ever lost.

import { SHEET } from '../sheets';
import type { LocalDate } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';
import { HISTORY_FORMATS, HISTORY_HEADERS } from './schema';

/** How to turn a sheet with the `from` headers into rows with the current headers. */
export interface HistoryMigration {
  readonly from: readonly string[];
  readonly migrateRow: (row: readonly Cell[]) => Cell[];
}

/**
 * Migrations shipped with the product, oldest first. The first schema is the current one, so the
 * list is empty today; a release that changes HISTORY_HEADERS adds its migration here.
 */
const HISTORY_MIGRATIONS: readonly HistoryMigration[] = [];

export interface MigrationOutcome {
  readonly migrated: boolean;
  readonly backupSheet: string | null;
}

/** The backup's name: `Histórico (backup 2026-11-23)`, with a counter when it already exists. */
function backupSheetName(existing: readonly string[], today: LocalDate): string {
  const base = `${SHEET.history} (backup ${today})`;
  let name = base;
  for (let n = 2; existing.includes(name); n++) name = `${base} ${n}`;
  return name;
}

/**
 * Brings `Histórico` to the current headers when it has a known older layout. Unknown layouts are
 * left alone: the run then stops with a clear message (a person renamed or deleted a column).
 */
export function migrateHistory(workbook: Workbook, today: LocalDate, migrations: readonly HistoryMigration[] = HISTORY_MIGRATIONS): MigrationOutcome {
  return migrateValues(workbook, workbook.readSheet(SHEET.history), today, migrations).outcome;
}

/** Reads `Histórico` once, migrating it first when needed, and returns the table as it now stands. */
export function readMigratedHistory(workbook: Workbook, today: LocalDate, migrations: readonly HistoryMigration[] = HISTORY_MIGRATIONS): Cell[][] | null {
  return migrateValues(workbook, workbook.readSheet(SHEET.history), today, migrations).values;
}

function migrateValues(
  workbook: Workbook,
  values: Cell[][] | null,
  today: LocalDate,
  migrations: readonly HistoryMigration[],
): { outcome: MigrationOutcome; values: Cell[][] | null } {
  const untouched = { outcome: { migrated: false, backupSheet: null }, values };
  const headerRow = values?.[0];
  if (values === null || headerRow === undefined) return untouched;
  const header = headerRow.map((cell) => (cell === null ? '' : String(cell).trim()));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, index) => name === b[index]);
  if (same(header, HISTORY_HEADERS)) return untouched;
  const start = migrations.findIndex((migration) => same(header, migration.from));
  if (start < 0) return untouched;
  const backupSheet = backupSheetName(workbook.sheetNames(), today);
  workbook.writeSheet(backupSheet, { rows: values, frozenRows: 1 });
  let rows = values.slice(1);
  for (const migration of migrations.slice(start)) rows = rows.map((row) => migration.migrateRow(row));
  const migrated = [[...HISTORY_HEADERS], ...rows];
  workbook.writeSheet(SHEET.history, { rows: migrated, columnFormats: HISTORY_FORMATS, frozenRows: 1, owned: true });
  return { outcome: { migrated: true, backupSheet }, values: migrated };
}
