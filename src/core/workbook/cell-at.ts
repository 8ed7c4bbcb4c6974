// Reading one cell of a sheet row. Rows are ragged (a row may be shorter than the header, and a
// column looked up by header name may be missing, -1), so a cell past the end reads as empty.

import type { Cell } from './workbook';

/** The cell at `column` (0-based) of `row`, or null (an empty cell) when the row has no such cell. */
export function cellAt(row: readonly Cell[], column: number): Cell {
  return row[column] ?? null;
}
