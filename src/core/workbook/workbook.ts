// The workbook port: the narrow, synchronous interface the core reads and writes sheets through.
// Three adapters implement it: SpreadsheetApp (Apps Script, src/gas), the .xlsx file (Node, src/node),
// and MemoryWorkbook (the tests'); tests/contracts runs one contract suite over all three.

import type { CellLink, ChartSpec, ConditionalFormatSpec, RowStyle, ValidationSpec } from './sheet-specs';

/** A cell value. Dates are spreadsheet serial numbers (school wall clock) with a date format. */
export type Cell = string | number | boolean | null;

/** A note the job attaches to a cell (config errors): shown as a cell note and a highlight. */
export interface CellNote {
  /** 0-based row index in the sheet's values (0 = header row). */
  readonly row: number;
  /** 0-based column index. */
  readonly column: number;
  readonly message: string;
}

/** What a sheet should contain after a write. */
export interface SheetContent {
  /** Header row first (after any title rows, see headerRow). Rows may be ragged; adapters pad them to the widest row. */
  readonly rows: readonly (readonly Cell[])[];
  /**
   * 0-based index of the header row (default 0). Rows above it are a title; the header is bold, and
   * colour rules, validations and the filter cover the rows below it.
   */
  readonly headerRow?: number;
  /**
   * Column widths in pixels (Sheets' unit; the .xlsx converts). A missing entry, or no list, gets the
   * width its content calls for (columnWidthsOf), so no host leaves a column at its narrow default.
   */
  readonly columnWidths?: readonly (number | undefined)[];
  /** 0-based columns whose long text wraps inside the cell (a reason, a message) instead of being clipped. */
  readonly wrappedColumns?: readonly number[];
  /** 0-based columns kept out of sight: keys the job reads back, of no use to a reader. */
  readonly hiddenColumns?: readonly number[];
  /** What the data rows of a column accept (tutors' typed columns). */
  readonly validations?: readonly ValidationSpec[];
  /** Cells that open a link (a student's WhatsApp). */
  readonly links?: readonly CellLink[];
  /** Rows drawn apart: a title, a band that opens a tutor's group. */
  readonly rowStyles?: readonly RowStyle[];
  /** Number format per column (e.g. 'dd/mm/yyyy', '#,##0.0'); undefined leaves the column general. */
  readonly columnFormats?: readonly (string | undefined)[];
  /** Rows kept visible while scrolling (the header). */
  readonly frozenRows?: number;
  /** Hidden sheets hold the job's own state (staging). */
  readonly hidden?: boolean;
  /** Columns kept visible while scrolling sideways (the student's name). */
  readonly frozenColumns?: number;
  /** Colour rules over the data rows (below headerRow), as data the adapters turn into native rules. */
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
  /** A filter over the whole table. */
  readonly filter?: boolean;
  /** Charts over blocks of this sheet's rows; adapters update a chart with the same id in place. */
  readonly charts?: readonly ChartSpec[];
  /** Tab colour, e.g. grey for an archived cohort's sheets. */
  readonly tabColor?: string;
  /** Rows (0-based) drawn in grey text, e.g. dropouts. */
  readonly mutedRows?: readonly number[];
  /** A sheet the job owns and rebuilds: protected with a warning (people may still edit, knowingly). */
  readonly owned?: boolean;
}

/** What a sheet identity key may be: it becomes part of an .xlsx defined name. */
export const IDENTITY_KEY = /^[a-z0-9_]+$/;

/**
 * One spreadsheet, seen as named tables. Every method is one batched operation: adapters must
 * never loop cell by cell (Apps Script charges per service call).
 */
export interface Workbook {
  sheetNames(): string[];
  /** All values of a sheet, header row first; null when the sheet does not exist. */
  readSheet(name: string): Cell[][] | null;
  /** Replaces the whole content of a sheet, creating it if needed. */
  writeSheet(name: string, content: SheetContent): void;
  /**
   * Replaces the rows from `fromRow` (0-based) to the end with `rows`, keeping those above.
   * Appending a new week to a long history then costs one write of that week only.
   */
  replaceRowsFrom(name: string, fromRow: number, rows: readonly (readonly Cell[])[], columnFormats?: readonly (string | undefined)[]): void;
  /** Overwrites rows in place from `fromRow` (0-based), leaving every other row as it is. */
  updateRows(name: string, fromRow: number, rows: readonly (readonly Cell[])[]): void;
  deleteSheet(name: string): void;
  /** Cells the spreadsheet holds across all sheets (Sheets counts the whole grid of each sheet). */
  cellCount(): number;
  /** Replaces the job's notes on a sheet (an empty list clears them). */
  setNotes(name: string, notes: readonly CellNote[]): void;
  /**
   * The stable identities of sheets: key → the names of the sheets that carry it (normally one; a
   * person's copy may carry it too). Kept by the spreadsheet itself, so a renamed sheet keeps its key:
   * developer metadata in Sheets, a workbook-level defined name in the .xlsx. Keys are [a-z0-9_].
   */
  sheetIdentities(): Map<string, string[]>;
  /** Makes sheet `name` the one with identity `key` (refused unless it matches IDENTITY_KEY): any other sheet loses that key, and `name` any other key. */
  setSheetIdentity(name: string, key: string): void;
  /** Renames a sheet; its content, identity, charts and protection stay with it. */
  renameSheet(from: string, to: string): void;
  /**
   * Puts the named sheets first, in this order (names of missing sheets are skipped), the others after
   * them in their current order, and makes the first named sheet the one the file opens on.
   */
  arrangeSheets(order: readonly string[]): void;
}
