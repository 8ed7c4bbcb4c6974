// Re-running a week replaces that week's rows and touches no other week, in one write.

import type { Cell } from '../workbook/workbook';
import { HISTORY_HEADERS, weekOfCell } from './schema';
import type { LocalDate } from '../time/local-date';

/** What to write: replace the sheet's rows from `fromRow` (0-based, header = 0) with `rows`. */
export interface HistoryWrite {
  readonly fromRow: number;
  readonly rows: Cell[][];
}

/**
 * Plans the write of `week`'s rows into the stored history `values`. When the week is the newest
 * (the usual case) only the rows from its first occurrence onwards are rewritten; otherwise the
 * whole table is rewritten with that week's old rows swapped for the new ones, ordered by week.
 */
export function planWeekReplacement(values: Cell[][] | null, week: LocalDate, weekRows: Cell[][]): HistoryWrite {
  if (values === null || values.length === 0) return { fromRow: 0, rows: [[...HISTORY_HEADERS], ...weekRows] };
  const body = values.slice(1);
  const weeks = body.map((row) => weekOfCell(row[0]));
  const firstAtOrAfter = weeks.findIndex((rowWeek) => rowWeek !== null && rowWeek >= week);
  if (firstAtOrAfter < 0) return { fromRow: values.length, rows: weekRows };
  const tailIsThisWeekOnly = weeks.slice(firstAtOrAfter).every((rowWeek) => rowWeek === week);
  const sortedBefore = weeks.slice(0, firstAtOrAfter).every((rowWeek) => rowWeek === null || rowWeek < week);
  if (tailIsThisWeekOnly && sortedBefore) return { fromRow: firstAtOrAfter + 1, rows: weekRows };

  const others = body.filter((_, index) => weeks[index] !== week);
  const otherWeeks = others.map((row) => weekOfCell(row[0]));
  const insertAt = otherWeeks.findIndex((rowWeek) => rowWeek !== null && rowWeek > week);
  const merged = insertAt < 0 ? [...others, ...weekRows] : [...others.slice(0, insertAt), ...weekRows, ...others.slice(insertAt)];
  return { fromRow: 1, rows: merged };
}
