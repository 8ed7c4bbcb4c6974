// How wide each column is drawn, from what it holds: one rule for both hosts, so no sheet is left at
// Sheets' 100 px default (names and e-mails clipped) or the .xlsx's 8.43 characters (dates as ###).

import type { Cell, SheetContent } from './workbook';

/** Pixels per character of the default 10-11 pt sans-serif font, with the cell's padding on top. */
const PX_PER_CHAR = 7;
/** The header row is bold in both hosts, and bold letters are wider ("Semana da turma" was clipped at 7). */
export const BOLD_PX_PER_CHAR = 8;
const PADDING_PX = 16;
export const MIN_COLUMN_PX = 56;
/** Wider than this, a text column is clipped (or wrapped when declared so) rather than pushing the rest away. */
export const MAX_COLUMN_PX = 360;
/** Rows sampled for text width: enough to see the long names, few enough for a 100,000-row history. */
const SAMPLED_ROWS = 400;

/** Widths of formatted columns: what `dd/mm/aaaa` and `dd/mm/aaaa hh:mm` need in both hosts, with room. */
function widthOfFormat(format: string): number | null {
  if (/h/.test(format) && /d/.test(format)) return 132;
  if (/d/.test(format) && /y/.test(format)) return 96;
  return null;
}

function displayedLength(cell: Cell | undefined, format: string | undefined): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') {
    // A formatted number shows its integer part with thousands separators, plus the format's decimals.
    const decimals = format ? (format.split('.')[1]?.replace(/[^0#]/g, '').length ?? 0) : 2;
    const digits = Math.max(1, Math.floor(Math.abs(cell)).toString().length);
    return digits + Math.floor((digits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0) + (cell < 0 ? 1 : 0);
  }
  if (typeof cell === 'boolean') return 5;
  // A multi-line cell is as wide as its longest line.
  return Math.max(...cell.split('\n').map((line) => line.length));
}

function clamp(px: number): number {
  return Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, Math.round(px)));
}

/**
 * The width in pixels of every column of `content`: the declared one where given, else from the
 * column's format (dates), else from the longest of its header (bold, BOLD_PX_PER_CHAR) and sampled
 * values, within [MIN_COLUMN_PX, MAX_COLUMN_PX]. Title rows (above the header) are left out: a title spans columns.
 */
export function columnWidthsOf(content: SheetContent): number[] {
  const headerRow = content.headerRow ?? 0;
  const width = Math.max(0, ...content.rows.map((row) => row.length));
  const sample = content.rows.slice(headerRow, headerRow + 1 + SAMPLED_ROWS);
  const measured = Array.from({ length: width }, (_, column) => {
    const declared = content.columnWidths?.[column];
    if (declared !== undefined) return declared;
    const format = content.columnFormats?.[column];
    const header = sample[0]?.[column];
    const headerPx = displayedLength(header, undefined) * BOLD_PX_PER_CHAR;
    const byFormat = format ? widthOfFormat(format) : null;
    if (byFormat !== null) return clamp(Math.max(byFormat, headerPx + PADDING_PX));
    const longest = Math.max(headerPx, ...sample.slice(1).map((row) => displayedLength(row[column], format) * PX_PER_CHAR));
    return clamp(longest + PADDING_PX);
  });
  return evenedOut(
    measured,
    measured.map((_, column) => content.columnWidths?.[column] !== undefined),
  );
}

/** Neighbouring measured widths this close are drawn alike (the widest of them). */
export const EVEN_WIDTH_PX = 16;

/**
 * Neighbouring measured columns within EVEN_WIDTH_PX of each other take the widest one's width: a
 * pivot's week columns (56, 64, 64, 72 px) then read as one even block, and Sheets sets them in one
 * setColumnWidths call instead of one per distinct width. Only ever wider, so nothing is clipped;
 * declared widths are kept as given and end a block.
 */
function evenedOut(widths: readonly number[], declared: readonly boolean[]): number[] {
  const result = [...widths];
  let start = 0;
  while (start < widths.length) {
    let end = start + 1;
    if (!declared[start]) {
      let low = widths[start] ?? 0;
      let high = low;
      while (end < widths.length && !declared[end]) {
        const next = widths[end] ?? 0;
        if (Math.max(high, next) - Math.min(low, next) > EVEN_WIDTH_PX) break;
        low = Math.min(low, next);
        high = Math.max(high, next);
        end++;
      }
      result.fill(high, start, end);
    }
    start = end;
  }
  return result;
}
