// How a SheetContent's layout instructions fall on rows and columns: one reading for both hosts, so
// the Sheets and .xlsx adapters style, validate and link exactly the same cells.

import { safeCellText } from './cell-text';
import { type RowStyle, VALIDATION_SPARE_ROWS } from './sheet-specs';
import type { SheetContent } from './workbook';

/** A run of consecutive columns or rows, 0-based. */
export interface Run {
  readonly start: number;
  readonly count: number;
}

/** Consecutive runs of the given indices (any order, duplicates and negatives ignored), ascending. */
export function runsOf(indices: Iterable<number>): Run[] {
  const sorted = [...new Set(indices)].filter((index) => Number.isInteger(index) && index >= 0).sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === index) last.count++;
    else runs.push({ start: index, count: 1 });
  }
  return runs;
}

/** Runs of equal neighbours (column widths → one call per run of equal width). */
export function equalRuns<T>(values: readonly T[]): (Run & { readonly value: T })[] {
  const runs: { start: number; count: number; value: T }[] = [];
  values.forEach((value, index) => {
    const last = runs[runs.length - 1];
    if (last && last.value === value) last.count++;
    else runs.push({ start: index, count: 1, value });
  });
  return runs;
}

/** The 0-based header row (rows above it are a title). */
export function headerRowOf(content: SheetContent): number {
  return content.headerRow ?? 0;
}

/** The rows below the header that hold data: [first, first + count). count is 0 when there are none. */
export function dataRowsOf(content: SheetContent): Run {
  const first = headerRowOf(content) + 1;
  return { start: first, count: Math.max(0, content.rows.length - first) };
}

/** The rows a validation covers: every data row and VALIDATION_SPARE_ROWS more below them. */
export function validatedRowsOf(content: SheetContent): Run {
  const { start, count } = dataRowsOf(content);
  return { start, count: count + VALIDATION_SPARE_ROWS };
}

/** Each styled row's style, within the table: several entries for one row merge, a later one winning property by property. */
export function rowStylesOf(content: SheetContent): Map<number, RowStyle> {
  const byRow = new Map<number, RowStyle>();
  for (const style of content.rowStyles ?? []) {
    if (!Number.isInteger(style.row) || style.row < 0 || style.row >= content.rows.length) continue;
    const defined = Object.fromEntries(Object.entries(style).filter(([, value]) => value !== undefined)) as RowStyle;
    byRow.set(style.row, { ...byRow.get(style.row), ...defined });
  }
  return byRow;
}

/** One linked cell: the text it shows (made safe) and where it leads. */
export interface LinkedCell {
  readonly text: string;
  readonly url: string;
}

/** A run of linked cells down one column: what one rich-text write covers. */
export interface LinkRun {
  readonly column: number;
  readonly start: number;
  readonly cells: readonly LinkedCell[];
}

/**
 * The links of a content, as runs of consecutive rows per column. A link on an empty cell or outside
 * the table is dropped (there is no text to click); the last link given for a cell wins. A linked
 * number shows as its plain text (a link is text).
 */
export function linkRunsOf(content: SheetContent): LinkRun[] {
  const byColumn = new Map<number, Map<number, string>>();
  for (const link of content.links ?? []) {
    const cell = content.rows[link.row]?.[link.column];
    if (cell === undefined || cell === null || cell === '' || link.column < 0) continue;
    const column = byColumn.get(link.column) ?? new Map<number, string>();
    column.set(link.row, link.url);
    byColumn.set(link.column, column);
  }
  const runs: LinkRun[] = [];
  for (const [column, urls] of [...byColumn].sort(([a], [b]) => a - b)) {
    for (const { start, count } of runsOf(urls.keys())) {
      const cells = Array.from({ length: count }, (_, offset): LinkedCell => {
        const row = start + offset;
        return { text: safeCellText(String(content.rows[row]?.[column])), url: urls.get(row) ?? '' };
      });
      runs.push({ column, start, cells });
    }
  }
  return runs;
}

/** A cell of a link span: its text, and where it leads (null: a plain cell the span passes over). */
export interface SpannedCell {
  readonly text: string;
  readonly url: string | null;
}

/** Consecutive rows of one column written together as rich text: linked cells and the plain text cells between them. */
export interface LinkSpan {
  readonly column: number;
  readonly start: number;
  readonly cells: readonly SpannedCell[];
}

/**
 * The link runs of a column joined across the rows between them, where those rows hold text or
 * nothing: a host that pays per write (Sheets' setRichTextValues) then writes a column's links in one
 * call however the rows are grouped (Contatos da semana's tutor bands break every run). A number or a
 * boolean between two runs ends the span: as rich text it would turn into text.
 */
export function linkSpansOf(content: SheetContent): LinkSpan[] {
  const spans: { column: number; start: number; cells: SpannedCell[] }[] = [];
  for (const run of linkRunsOf(content)) {
    const last = spans[spans.length - 1];
    const gap = last && last.column === run.column ? gapCells(content, run.column, last.start + last.cells.length, run.start) : null;
    if (last && gap) last.cells.push(...gap, ...run.cells);
    else spans.push({ column: run.column, start: run.start, cells: [...run.cells] });
  }
  return spans;
}

/** The cells of rows [from, to) of a column as plain rich text, or null when one of them is not text. */
function gapCells(content: SheetContent, column: number, from: number, to: number): SpannedCell[] | null {
  const cells: SpannedCell[] = [];
  for (let row = from; row < to; row++) {
    const cell = content.rows[row]?.[column] ?? null;
    if (cell !== null && typeof cell !== 'string') return null;
    cells.push({ text: cell === null ? '' : safeCellText(cell), url: null });
  }
  return cells;
}
