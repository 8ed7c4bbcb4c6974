// Places header-plus-rows blocks into one sheet table, so charts can point at them by range.

import type { TableRange } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';

/** Rows of cells under a header. */
export interface TableBlock {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Writes `block` into `table` with its header at `at` (growing rows with nulls as needed) and returns where it went. */
export function placeBlock(table: Cell[][], block: TableBlock, at: { row: number; column: number }): TableRange {
  const lines = [block.header, ...block.rows];
  const width = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  lines.forEach((line, offset) => {
    const row = at.row + offset;
    while (table.length <= row) table.push([]);
    const target = table[row]!; // the loop above made the row
    while (target.length < at.column + width) target.push(null);
    line.forEach((cell, column) => {
      target[at.column + column] = cell;
    });
  });
  return { row: at.row, column: at.column, rows: lines.length, columns: width };
}

/** Pads every row to the widest, so hosts get a rectangle. */
export function rectangular(table: Cell[][]): Cell[][] {
  const width = Math.max(0, ...table.map((row) => row.length));
  return table.map((row) => [...row, ...new Array<Cell>(width - row.length).fill(null)]);
}
