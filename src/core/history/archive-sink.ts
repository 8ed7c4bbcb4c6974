// Where archived `Histórico` weeks go (a port: another spreadsheet, another .xlsx), and the rollover
// itself: archive first, then shrink `Histórico`, so a crash in between never loses a row.

import { weeksArchived } from '../messages/history';
import { SHEET } from '../sheets';
import type { LocalDate } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';
import { SHEETS_CELL_LIMIT } from './growth';
import { archiveName, planRollover, ROLLOVER_DEFAULTS, type RolloverOptions } from './rollover';
import { checkHistoryHeader, HISTORY_FORMATS } from './schema';

/** Receives archived rows. Synchronous, like the Workbook port: an async host collects, then persists. */
export interface ArchiveSink {
  /**
   * Appends `rows` (header first) to the archive table `name`, creating it when missing. Rows the
   * table already holds are not added twice (a rollover redone after a crash). Returns where the
   * rows went, for the log (a file and sheet, a spreadsheet URL).
   */
  append(name: string, rows: Cell[][]): string;
}

export interface RolloverOutcome {
  readonly archivedWeeks: LocalDate[];
  /** Where the rows went, as the sink said. */
  readonly destination: string;
  /** The archive table's name (`Histórico 2026-01-05 a 2026-06-29`). */
  readonly name: string;
  /** Rows moved (without the header). */
  readonly rows: number;
}

/**
 * Moves the oldest weeks of `Histórico` to `sink` when the spreadsheet nears the cell limit (see
 * planRollover). Returns null when nothing moved. Throws HistorySchemaError (nothing moved) when the
 * sheet's columns were changed by hand.
 */
export function rollOverHistory(
  workbook: Workbook,
  sink: ArchiveSink,
  options: Omit<RolloverOptions, 'cellsUsed'> & { readonly cellsUsed?: number } = {},
): RolloverOutcome | null {
  const cellsUsed = options.cellsUsed ?? workbook.cellCount();
  // The common case costs no read of the (large) history: nothing is near the limit.
  if (cellsUsed <= (options.threshold ?? ROLLOVER_DEFAULTS.threshold) * (options.cellLimit ?? SHEETS_CELL_LIMIT)) return null;
  const values = workbook.readSheet(SHEET.history);
  checkHistoryHeader(values);
  const plan = planRollover(values, { ...options, cellsUsed });
  if (plan === null) return null;
  const [firstWeek] = plan.archivedWeeks;
  const lastWeek = plan.archivedWeeks[plan.archivedWeeks.length - 1];
  if (firstWeek === undefined || lastWeek === undefined) throw new Error('rollOverHistory: a rollover plan with no archived week');
  const name = archiveName(firstWeek, lastWeek);
  // Order matters: the archive receives the rows FIRST, and only then is `Histórico` rewritten
  // without them. A crash (or a sink that throws) before the rewrite leaves the rows in both places,
  // never in neither: the next rollover plans the same weeks again and the sink skips the rows it
  // already holds. Duplicates across archive and live sheet are acceptable; loss is not.
  const destination = sink.append(name, plan.archive);
  workbook.writeSheet(SHEET.history, { rows: plan.keep, columnFormats: HISTORY_FORMATS, frozenRows: 1, owned: true });
  return { archivedWeeks: plan.archivedWeeks, destination, name, rows: plan.archive.length - 1 };
}

/** "Histórico: 12 semanas (2025-01-06 a 2025-03-24, 84000 linhas) arquivadas em escola-arquivo.xlsx › …." */
export function describeRollover(outcome: RolloverOutcome): string {
  return weeksArchived(outcome.archivedWeeks, outcome.rows, outcome.destination);
}

/** A row as compared across a write and a read-back: empty = null, numbers to a millionth (serial seconds survive). */
function rowIdentity(row: readonly Cell[]): string {
  const cells = row.map((cell) => (cell === '' || cell === null || cell === undefined ? null : typeof cell === 'number' ? Number(cell.toFixed(6)) : cell));
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return JSON.stringify(cells);
}

/**
 * The data rows of `incoming` (header first) that `existing` (header first, or null) does not hold
 * yet, counted as a multiset: a redone rollover adds nothing, two identical rows stay two rows.
 */
export function rowsMissingFromArchive(existing: readonly (readonly Cell[])[] | null, incoming: readonly (readonly Cell[])[]): Cell[][] {
  const held = new Map<string, number>();
  for (const row of (existing ?? []).slice(1)) {
    const key = rowIdentity(row);
    held.set(key, (held.get(key) ?? 0) + 1);
  }
  const missing: Cell[][] = [];
  for (const row of incoming.slice(1)) {
    const key = rowIdentity(row);
    const count = held.get(key) ?? 0;
    if (count > 0) held.set(key, count - 1);
    else missing.push([...row]);
  }
  return missing;
}
