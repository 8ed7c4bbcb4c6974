// Changing `Histórico`'s columns in a later release: a registered migration rewrites the sheet to
// the current headers, after copying it whole to a dated backup sheet. Nothing is ever lost: columns
// people added after the job's own (`Observação`) move along, after the new ones.

import { SHEET } from '../sheets';
import type { LocalDate } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';
import { HISTORY_FORMATS, HISTORY_HEADERS } from './schema';

/**
 * How to turn rows with the `from` headers into rows of the next layout (the next migration's
 * `from`, or HISTORY_HEADERS for the last one). `migrateRow` gets the row's own cells only, padded to
 * `from.length`; cells of columns people added after them are kept apart and put back after.
 */
export interface HistoryMigration {
  readonly from: readonly string[];
  readonly migrateRow: (row: readonly Cell[]) => Cell[];
}

/** `Histórico` as the first releases wrote it: the current layout without `Celular`. */
export const HISTORY_HEADERS_V1: readonly string[] = [
  'Semana',
  'Turma',
  'Aluno ID',
  'Nome',
  'E-mail',
  'Produto ID',
  'Produto',
  'Progresso (%)',
  'Aulas concluídas',
  'Último acesso',
  'Esperado (%)',
  'Situação',
  'Origem',
  'Coletado em',
];

/**
 * Migrations shipped with the product, oldest first; a release that changes HISTORY_HEADERS adds its
 * migration here (and a test that migrates a sheet of the layout before it).
 */
export const HISTORY_MIGRATIONS: readonly HistoryMigration[] = [
  // `Celular` appended (issue 13): weeks collected before it have no phone on record.
  { from: HISTORY_HEADERS_V1, migrateRow: (row) => [...row, null] },
];

const trimmedHeader = (headerRow: readonly Cell[]): string[] => headerRow.map((cell) => (cell === null ? '' : String(cell).trim()));
const startsWith = (header: readonly string[], layout: readonly string[]) =>
  header.length >= layout.length && layout.every((name, index) => header[index] === name);

/**
 * True when a header row is `Histórico`'s: the current layout or one a registered migration takes,
 * with any columns people added after it. Code that finds or rewrites `Histórico` before the run
 * migrates it (a renamed tab, a renamed cohort) accepts both.
 */
export function isHistoryHeader(headerRow: readonly Cell[], migrations: readonly HistoryMigration[] = HISTORY_MIGRATIONS): boolean {
  const header = trimmedHeader(headerRow);
  return startsWith(header, HISTORY_HEADERS) || migrations.some((migration) => startsWith(header, migration.from));
}

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
  const header = trimmedHeader(headerRow);
  if (startsWith(header, HISTORY_HEADERS)) return untouched;
  const start = migrations.findIndex((migration) => startsWith(header, migration.from));
  const first = migrations[start];
  if (first === undefined) return untouched;
  const backupSheet = backupSheetName(workbook.sheetNames(), today);
  workbook.writeSheet(backupSheet, { rows: values, frozenRows: 1 });
  const own = first.from.length;
  const extraHeaders = headerRow.slice(own);
  const migrateOwn = (row: readonly Cell[]): Cell[] => {
    let cells: Cell[] = Array.from({ length: own }, (_, index) => row[index] ?? null);
    for (const migration of migrations.slice(start)) cells = migration.migrateRow(cells);
    return cells;
  };
  // Every row as wide as the header, so an added column's cells stay under their header.
  const rows = values.slice(1).map((row) => [...migrateOwn(row), ...extraHeaders.map((_, index) => row[own + index] ?? null)]);
  const migrated = [[...HISTORY_HEADERS, ...extraHeaders], ...rows];
  workbook.writeSheet(SHEET.history, { rows: migrated, columnFormats: HISTORY_FORMATS, frozenRows: 1, owned: true });
  return { outcome: { migrated: true, backupSheet }, values: migrated };
}
