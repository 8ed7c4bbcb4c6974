// Re-running a week replaces that week's rows and touches no other week, in one write. Only the
// cohorts the run collected are replaced: a cohort that could not be collected keeps its rows.
// Columns people add after the job's own (`Observação`, say) travel with their row's key.

import { unnamedColumn } from '../messages/history';
import { orphanedNotes } from '../messages/sync';
import type { LocalDate } from '../time/local-date';
import type { Cell } from '../workbook/workbook';
import { HISTORY_HEADERS, HistorySchemaError, weekOfCell } from './schema';

/** What to write: replace the sheet's rows from `fromRow` (0-based, header = 0) with `rows`. */
export interface HistoryWrite {
  readonly fromRow: number;
  readonly rows: Cell[][];
}

export interface WeekReplacementOptions {
  /**
   * The cohorts (the `Turma` cell) whose rows of the week this run collected: only those old rows are
   * replaced, the week's other rows are kept. Omitted = every cohort of the week is replaced.
   */
  readonly collectedCohorts?: ReadonlySet<string>;
}

/** A re-run would drop rows that hold what people typed in their own columns: nothing is written. */
export class HistoryNotesError extends HistorySchemaError {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryNotesError';
  }
}

const OWN_COLUMNS = HISTORY_HEADERS.length;
const COHORT = 1;
const STUDENT_ID = 2;
const PRODUCT_ID = 5;

const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || cell === '';

function idOf(cell: Cell | undefined): string {
  const text = String(cell ?? '').trim();
  return text !== '' && Number.isFinite(Number(text)) ? String(Number(text)) : text;
}

/** A row's identity: a week holds one row per student and product (the key `historyKey` names). */
function keyOf(row: readonly Cell[]): string {
  return `${weekOfCell(row[0]) ?? ''}|${idOf(row[STUDENT_ID])}|${idOf(row[PRODUCT_ID])}`;
}

/**
 * Plans the write of `week`'s rows into the stored history `values`. When the week is the newest
 * (the usual case) only the rows from its first occurrence onwards are rewritten; otherwise the
 * whole table is rewritten with that week's old rows swapped for the new ones, ordered by week.
 *
 * When the sheet has columns past the job's own, every row written carries them: a new row gets the
 * extra cells of the old row with its key, any other row is written full width (blank extras), so no
 * adapter leaves a note beside a row it no longer belongs to. An old row whose extra cells hold
 * something and that the new week has no row for makes the write refused (HistoryNotesError).
 */
export function planWeekReplacement(values: Cell[][] | null, week: LocalDate, weekRows: Cell[][], options: WeekReplacementOptions = {}): HistoryWrite {
  if (values === null || values.length === 0) return { fromRow: 0, rows: [[...HISTORY_HEADERS], ...weekRows] };
  const width = Math.max(OWN_COLUMNS, ...values.map((row) => row.length));
  const widen = (row: readonly Cell[], extras?: readonly Cell[]): Cell[] => (width > OWN_COLUMNS ? fullWidth(row, width, extras) : [...row]);
  const body = values.slice(1);
  const weeks = body.map((row) => weekOfCell(row[0]));
  const block = weekBlock(values, weeks, week, weekRows, options, widen);

  const firstAtOrAfter = weeks.findIndex((rowWeek) => rowWeek !== null && rowWeek >= week);
  if (firstAtOrAfter < 0) return { fromRow: values.length, rows: block };
  const tailIsThisWeekOnly = weeks.slice(firstAtOrAfter).every((rowWeek) => rowWeek === week);
  const sortedBefore = weeks.slice(0, firstAtOrAfter).every((rowWeek) => rowWeek === null || rowWeek < week);
  if (tailIsThisWeekOnly && sortedBefore) return { fromRow: firstAtOrAfter + 1, rows: block };

  const others = body.filter((_, index) => weeks[index] !== week).map((row) => widen(row));
  const otherWeeks = others.map((row) => weekOfCell(row[0]));
  const insertAt = otherWeeks.findIndex((rowWeek) => rowWeek !== null && rowWeek > week);
  const merged = insertAt < 0 ? [...others, ...block] : [...others.slice(0, insertAt), ...block, ...others.slice(insertAt)];
  return { fromRow: 1, rows: merged };
}

/**
 * The week's rows as they will stand: the kept rows of cohorts not collected (unless a new row has
 * their key), then the new rows, each with the extra cells of the old row it replaces.
 */
function weekBlock(
  values: Cell[][],
  weeks: readonly (LocalDate | null)[],
  week: LocalDate,
  weekRows: Cell[][],
  options: WeekReplacementOptions,
  widen: (row: readonly Cell[], extras?: readonly Cell[]) => Cell[],
): Cell[][] {
  const collected = options.collectedCohorts;
  const newKeys = new Set(weekRows.map(keyOf));
  const kept: Cell[][] = [];
  const extrasByKey = new Map<string, Cell[]>();
  const orphans: { row: number; cells: Cell[] }[] = [];
  values.slice(1).forEach((row, index) => {
    if (weeks[index] !== week) return;
    const key = keyOf(row);
    const replaced = collected === undefined || collected.has(String(row[COHORT] ?? '')) || newKeys.has(key);
    if (!replaced) {
      kept.push(widen(row));
      return;
    }
    const extras = row.slice(OWN_COLUMNS);
    if (extras.every(isBlank)) return;
    if (!newKeys.has(key) || extrasByKey.has(key)) orphans.push({ row: index + 2, cells: row });
    else extrasByKey.set(key, extras);
  });
  if (orphans.length > 0) {
    const header = values[0] ?? []; // the caller passes a sheet with a header; none would leave every column unnamed
    const columns = new Set<string>();
    for (const orphan of orphans) {
      orphan.cells.forEach((cell, column) => {
        if (column >= OWN_COLUMNS && !isBlank(cell)) columns.add(isBlank(header[column]) ? unnamedColumn(column + 1) : String(header[column]));
      });
    }
    throw new HistoryNotesError(
      orphanedNotes(
        [...columns],
        orphans.map((orphan) => ({ row: orphan.row, studentId: orphan.cells[STUDENT_ID], productId: orphan.cells[PRODUCT_ID] })),
        week,
      ),
    );
  }
  return [...kept, ...weekRows.map((row) => widen(row, extrasByKey.get(keyOf(row))))];
}

/** The row's own cells, then `extras` (or blanks) up to `width`. */
function fullWidth(row: readonly Cell[], width: number, extras?: readonly Cell[]): Cell[] {
  const out: Cell[] = row.slice(0, extras ? OWN_COLUMNS : width);
  while (out.length < (extras ? OWN_COLUMNS : width)) out.push(null);
  if (extras) out.push(...extras);
  while (out.length < width) out.push(null);
  return out.slice(0, width);
}
