// The Apps Script Workbook: SpreadsheetApp behind the core's port, one range read or write per call.

import { JOB_NOTE_PREFIX } from '../core/messages/config';
import { REBUILT_SHEET_WARNING } from '../core/messages/reports';
import { ownedSheetKeyOf } from '../core/sheets';
import { serialOfInstant } from '../core/time/local-date';
import { readsAsFormula, safeCellText } from '../core/workbook/cell-text';
import { columnWidthsOf } from '../core/workbook/column-widths';
import type { SpannedCell } from '../core/workbook/sheet-layout';
import { dataRowsOf, equalRuns, headerRowOf, linkSpansOf, rowStylesOf, runsOf, validatedRowsOf } from '../core/workbook/sheet-layout';
import type { ConditionalFormatSpec, ValidationSpec } from '../core/workbook/sheet-specs';
import { type Cell, type CellNote, IDENTITY_KEY, type SheetContent, type Workbook } from '../core/workbook/workbook';
import { placeNativeCharts } from './native-charts';

/**
 * Key of a sheet's identity in its developer metadata; the value is the identity key. Sheet-level
 * metadata stays with the sheet when it is renamed or moved and goes when it is deleted
 * (https://developers.google.com/sheets/api/guides/metadata). Document-visible, like the chart records,
 * so the dev and prod script projects both see it.
 */
const SHEET_IDENTITY_KEY = 'cademi.sheet';

const JOB_NOTE_BACKGROUND = '#ffe0b2';
const MUTED_FONT_COLOR = '#9e9e9e';
/** Sheets' default font size in points: what an unstyled cell of a styled block keeps (setFontSizes takes numbers only). */
const DEFAULT_FONT_SIZE = 10;
/** Text Sheets would re-parse as a number, date, percentage or boolean ("11,12", "14/09", "007"). */
const PARSEABLE_TEXT = /^\s*[\d.,:/\s%R$]+\s*$|^\s*(true|false|verdadeiro|falso)\s*$/i;

/** The value to hand to setValues: text stays exactly the text it is, never a formula or a number. */
export function sheetValue(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell;
  // Sheets' representation of the one cell-text rule: shown text behind an apostrophe (which Sheets hides).
  const text = safeCellText(cell);
  return readsAsFormula(text) || PARSEABLE_TEXT.test(text) ? `'${text}` : text;
}

/** Grows the grid so a range of `rows` × `columns` fits (getRange past the grid throws). */
function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function pad(rows: readonly (readonly Cell[])[], width: number): (string | number | boolean)[][] {
  return rows.map((row) => {
    const values = row.map(sheetValue);
    while (values.length < width) values.push('');
    return values.slice(0, width);
  });
}

/** Row `r` of a grid read from a range already sized to hold it (a missing row is a bug here). */
function gridRow<T>(grid: T[][], r: number): T[] {
  const row = grid[r];
  if (!row) throw new Error(`Row ${r} is outside a grid of ${grid.length} rows read for it`);
  return row;
}

/**
 * Column widths (every column, from columnWidthsOf: one setColumnWidths call per run of equal widths,
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setcolumnwidthsstartcolumn,-numcolumns,-width,
 * skipping a run whose columns are that wide already: a weekly rewrite changes a pivot's new week
 * column, not the others), hidden columns (a rewrite shows the old ones first) and wrapped columns
 * over the data rows.
 */
function applyColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, content: SheetContent, width: number, existed: boolean): void {
  for (const run of equalRuns(columnWidthsOf(content))) {
    const columns = Array.from({ length: run.count }, (_, offset) => run.start + offset + 1);
    if (existed && columns.every((column) => sheet.getColumnWidth(column) === run.value)) continue;
    sheet.setColumnWidths(run.start + 1, run.count, run.value);
  }
  if (existed) sheet.showColumns(1, sheet.getMaxColumns());
  for (const run of runsOf((content.hiddenColumns ?? []).filter((column) => column < width))) sheet.hideColumns(run.start + 1, run.count);
  const data = dataRowsOf(content);
  const wrapped = runsOf((content.wrappedColumns ?? []).filter((column) => column < width));
  if (data.count === 0 || wrapped.length === 0) return;
  // No row height is set: "By default, rows grow to fit cell contents"
  // (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setRowHeight(Integer,Integer)),
  // so Sheets makes each wrapped row as tall as its text (the .xlsx sets the height itself, xlsx-workbook.ts).
  for (const run of wrapped) sheet.getRange(data.start + 1, run.start + 1, data.count, run.count).setWrapStrategy(SpreadsheetApp.WrapStrategy.WRAP);
  // A row grown tall by a wrapped cell reads from the top in every column.
  sheet.getRange(data.start + 1, 1, data.count, width).setVerticalAlignment('top');
}

/** A span's cell as rich text: its text, linked when it has a link. */
function richText({ text, url }: SpannedCell): GoogleAppsScript.Spreadsheet.RichTextValue {
  const builder = SpreadsheetApp.newRichTextValue().setText(text);
  return (url === null ? builder : builder.setLinkUrl(url)).build();
}

/** A validation rule as Sheets builds it: people's input that fails it is rejected with the help text. */
function validationRule(spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (spec.kind === 'date') builder.requireDate();
  else builder.requireValueInList([...spec.values], true);
  return builder.setAllowInvalid(false).setHelpText(spec.helpText).build();
}

/**
 * Each validation over its column's data rows and VALIDATION_SPARE_ROWS below them, one call each. A
 * rewrite drops the last write's rules first (they may cover other columns or more rows).
 */
function applyValidations(sheet: GoogleAppsScript.Spreadsheet.Sheet, content: SheetContent, existed: boolean): void {
  if (existed) sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
  const validations = (content.validations ?? []).filter((spec) => Number.isInteger(spec.column) && spec.column >= 0);
  if (validations.length === 0) return;
  const rows = validatedRowsOf(content);
  ensureGrid(sheet, rows.start + rows.count, Math.max(...validations.map((spec) => spec.column + 1)));
  for (const spec of validations) sheet.getRange(rows.start + 1, spec.column + 1, rows.count, 1).setDataValidation(validationRule(spec));
}

/** A grid of `rows` × `width` whose every cell in row r is `cellOf(r)`. */
function rowGrid<T>(rows: number, width: number, cellOf: (row: number) => T): T[][] {
  return Array.from({ length: rows }, (_, row) => new Array<T>(width).fill(cellOf(row)));
}

/**
 * The header row bold, greyed rows and row styles: one call per attribute in use, over the rows from
 * the top to the last styled one (the cells below keep the defaults the rewrite reset them to).
 */
function applyRowStyles(sheet: GoogleAppsScript.Spreadsheet.Sheet, content: SheetContent, width: number): void {
  const headerRow = headerRowOf(content);
  const height = content.rows.length;
  const styles = rowStylesOf(content);
  const muted = new Set((content.mutedRows ?? []).filter((row) => row < height));
  const last = (rows: Iterable<number>) => Math.max(-1, ...rows);
  const styled = (property: 'bold' | 'background' | 'fontColor' | 'fontSize') =>
    [...styles].filter(([, style]) => style[property] !== undefined).map(([row]) => row);
  const bold = styled('bold');
  if (bold.length > 0) {
    const rows = Math.min(height, Math.max(headerRow, last(bold)) + 1);
    sheet.getRange(1, 1, rows, width).setFontWeights(
      rowGrid(rows, width, (row) => {
        const own = styles.get(row)?.bold;
        return own === undefined ? (row === headerRow ? 'bold' : null) : own ? 'bold' : 'normal';
      }),
    );
  } else if (height > headerRow) sheet.getRange(headerRow + 1, 1, 1, width).setFontWeight('bold');
  const colored = styled('fontColor');
  if (colored.length > 0 || muted.size > 0) {
    const rows = Math.max(last(colored), last(muted)) + 1;
    sheet.getRange(1, 1, rows, width).setFontColors(rowGrid(rows, width, (row) => styles.get(row)?.fontColor ?? (muted.has(row) ? MUTED_FONT_COLOR : null)));
  }
  const filled = styled('background');
  if (filled.length > 0) {
    const rows = last(filled) + 1;
    sheet.getRange(1, 1, rows, width).setBackgrounds(rowGrid(rows, width, (row) => styles.get(row)?.background ?? null));
  }
  const sized = styled('fontSize');
  if (sized.length > 0) {
    const rows = last(sized) + 1;
    sheet.getRange(1, 1, rows, width).setFontSizes(rowGrid(rows, width, (row) => styles.get(row)?.fontSize ?? DEFAULT_FONT_SIZE));
  }
}

export class SpreadsheetWorkbook implements Workbook {
  private readonly timeZone: string;
  /** Identity key → sheets carrying it, read once per execution (renames made through this adapter keep it current). */
  private identityCache: Map<string, GoogleAppsScript.Spreadsheet.Sheet[]> | null = null;

  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.timeZone = spreadsheet.getSpreadsheetTimeZone();
  }

  sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((sheet) => sheet.getName());
  }

  readSheet(name: string): Cell[][] | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    if (sheet.getLastRow() === 0) return [];
    return sheet
      .getDataRange()
      .getValues()
      .map((row) => row.map((value) => this.toCell(value)));
  }

  writeSheet(name: string, content: SheetContent): void {
    // The new content is written over the old first, and only then is what is left over cleared:
    // an execution killed in between leaves old or new rows, never an empty sheet (a staging or a
    // Histórico cleared and not yet rewritten would lose collected data).
    const existing = this.spreadsheet.getSheetByName(name);
    const sheet = existing ?? this.spreadsheet.insertSheet(name, this.spreadsheet.getSheets().length);
    if (!existing) this.tagIfOwned(sheet, name);
    const [oldRows, oldColumns] = existing ? [sheet.getLastRow(), sheet.getLastColumn()] : [0, 0];
    const width = Math.max(1, ...content.rows.map((row) => row.length));
    const height = content.rows.length;
    if (height > 0) {
      ensureGrid(sheet, height, width);
      const range = sheet.getRange(1, 1, height, width);
      // Last write's bands, greyed rows, bold, wraps and alignment must not linger on rewritten rows
      // (the number formats are all set again just below).
      if (existing) range.clearFormat();
      range.setNumberFormats(this.formats(height, width, content.columnFormats ?? [], headerRowOf(content) + 1));
      range.setValues(pad(content.rows, width));
    }
    if (oldRows > height) sheet.getRange(height + 1, 1, oldRows - height, Math.max(oldColumns, width)).clear();
    if (oldColumns > width && height > 0) sheet.getRange(1, width + 1, height, oldColumns - width).clear();
    sheet.setFrozenRows(content.frozenRows ?? 0);
    if (content.frozenColumns !== undefined) sheet.setFrozenColumns(content.frozenColumns);
    if (content.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
    if (content.tabColor !== undefined || sheet.getTabColor()) sheet.setTabColor(content.tabColor ?? null);
    applyColumns(sheet, content, width, existing !== null);
    this.applyFeatures(sheet, content, width, existing !== null);
    if (content.owned) this.protectWithWarning(sheet);
  }

  /** Warning-only protection: an edit asks "are you sure?", since the job rebuilds this sheet. */
  private protectWithWarning(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) return;
    sheet.protect().setWarningOnly(true).setDescription(REBUILT_SHEET_WARNING);
  }

  /** Filter, colour rules, validations, links, row styles and charts: each one batched call (links one per run of cells, charts one per chart). */
  private applyFeatures(sheet: GoogleAppsScript.Spreadsheet.Sheet, content: SheetContent, width: number, existed: boolean): void {
    const headerRow = headerRowOf(content);
    const height = content.rows.length;
    const existingFilter = sheet.getFilter();
    if (existingFilter) existingFilter.remove();
    if (content.filter && height > headerRow) sheet.getRange(headerRow + 1, 1, height - headerRow, width).createFilter();
    if (content.conditionalFormats) {
      const dataRows = Math.max(1, dataRowsOf(content).count);
      sheet.setConditionalFormatRules(content.conditionalFormats.map((rule) => this.conditionalRule(sheet, rule, headerRow + 2, dataRows)));
    }
    applyValidations(sheet, content, existed);
    // After the values: a rich-text write replaces the text of the cells it covers, so a span covers
    // linked cells and the text cells between them (rewritten with their own text), one call per span.
    for (const span of linkSpansOf(content))
      sheet.getRange(span.start + 1, span.column + 1, span.cells.length, 1).setRichTextValues(span.cells.map((cell) => [richText(cell)]));
    if (height > 0) applyRowStyles(sheet, content, width);
    if (content.charts) placeNativeCharts(sheet, content.charts);
  }

  private conditionalRule(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    rule: ConditionalFormatSpec,
    firstRow: number,
    dataRows: number,
  ): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    const builder = SpreadsheetApp.newConditionalFormatRule();
    if (rule.kind === 'gradient') {
      const number = SpreadsheetApp.InterpolationType.NUMBER;
      builder.setGradientMinpointWithValue(rule.min.color, number, String(rule.min.value));
      if (rule.mid) builder.setGradientMidpointWithValue(rule.mid.color, number, String(rule.mid.value));
      builder.setGradientMaxpointWithValue(rule.max.color, number, String(rule.max.value));
      builder.setRanges([sheet.getRange(firstRow, rule.columnRange[0] + 1, dataRows, rule.columnRange[1] - rule.columnRange[0] + 1)]);
    } else {
      builder.whenTextEqualTo(rule.text).setFontColor(rule.fontColor);
      if (rule.background) builder.setBackground(rule.background);
      builder.setRanges([sheet.getRange(firstRow, rule.column + 1, dataRows, 1)]);
    }
    return builder.build();
  }

  replaceRowsFrom(name: string, fromRow: number, rows: readonly (readonly Cell[])[], columnFormats?: readonly (string | undefined)[]): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    const lastRow = sheet.getLastRow();
    if (fromRow < 0 || fromRow > lastRow) throw new Error(`Row ${fromRow} is outside sheet "${name}" (${lastRow} rows)`);
    const width = Math.max(1, sheet.getLastColumn(), ...rows.map((row) => row.length));
    if (rows.length > 0) {
      ensureGrid(sheet, fromRow + rows.length, width);
      const range = sheet.getRange(fromRow + 1, 1, rows.length, width);
      if (columnFormats) range.setNumberFormats(this.formats(rows.length, width, columnFormats));
      range.setValues(pad(rows, width));
    }
    const staleFrom = fromRow + rows.length;
    if (lastRow > staleFrom) sheet.getRange(staleFrom + 1, 1, lastRow - staleFrom, width).clearContent();
  }

  updateRows(name: string, fromRow: number, rows: readonly (readonly Cell[])[]): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    if (fromRow < 0) throw new Error(`Row ${fromRow} is outside sheet "${name}" (${sheet.getLastRow()} rows)`);
    if (rows.length === 0) return;
    ensureGrid(sheet, fromRow + rows.length, Math.max(1, ...rows.map((row) => row.length)));
    // One write per run of rows of one width (one in all for the usual rectangle): padding a shorter
    // row would empty the cells past its end, which the port leaves as they are.
    let start = 0;
    for (const [index, row] of rows.entries()) {
      if (rows[index + 1]?.length === row.length) continue; // the run goes on
      const end = index + 1;
      if (row.length > 0) sheet.getRange(fromRow + start + 1, 1, end - start, row.length).setValues(pad(rows.slice(start, end), row.length));
      start = end;
    }
  }

  cellCount(): number {
    return this.spreadsheet.getSheets().reduce((cells, sheet) => cells + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  }

  deleteSheet(name: string): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return;
    this.spreadsheet.deleteSheet(sheet);
    // Its metadata went with it.
    if (this.identityCache)
      for (const [key, sheets] of this.identityCache)
        this.identityCache.set(
          key,
          sheets.filter((other) => other.getSheetId() !== sheet.getSheetId()),
        );
  }

  sheetIdentities(): Map<string, string[]> {
    const byKey = new Map<string, string[]>();
    for (const [key, sheets] of this.identitySheets())
      if (sheets.length > 0)
        byKey.set(
          key,
          sheets.map((sheet) => sheet.getName()),
        );
    return byKey;
  }

  setSheetIdentity(name: string, key: string): void {
    if (!IDENTITY_KEY.test(key)) throw new Error(`Invalid sheet identity key "${key}"`);
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    this.setIdentityOf(sheet, key);
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.spreadsheet.getSheetByName(from);
    if (!sheet) throw new Error(`Sheet "${from}" does not exist`);
    if (from === to) return;
    // Sheets takes a name equal to another sheet's but for case as taken, this sheet's own included:
    // a change of case only goes through a free name.
    if (from.toLowerCase() === to.toLowerCase()) sheet.setName(this.freeName());
    sheet.setName(to);
  }

  /**
   * Moves each named sheet into place (setActiveSheet + moveActiveSheet: 2 calls per sheet not already
   * where it belongs, none for those that are), then activates the first visible one. The active sheet
   * a script sets shows to the person who ran it; everyone else opening the file is put on `Resumo` by
   * onOpen (src/gas/menu.ts).
   */
  arrangeSheets(order: readonly string[]): void {
    const sheets = this.spreadsheet.getSheets();
    const byName = new Map(sheets.map((sheet) => [sheet.getName(), sheet]));
    const named = [...new Set(order)].flatMap((name) => {
      const sheet = byName.get(name);
      return sheet ? [{ name, sheet, hidden: sheet.isSheetHidden() }] : [];
    });
    let current = sheets.map((sheet) => sheet.getName());
    named.forEach(({ name, sheet, hidden }, index) => {
      if (current[index] === name) return;
      this.spreadsheet.setActiveSheet(sheet);
      this.spreadsheet.moveActiveSheet(index + 1);
      // Activating a sheet may show it; a hidden one (the job's state) stays hidden.
      if (hidden) sheet.hideSheet();
      current = current.filter((other) => other !== name);
      current.splice(index, 0, name);
    });
    // A hidden sheet can never be the one the file opens on.
    const opening = named.find(({ hidden }) => !hidden);
    if (opening) this.spreadsheet.setActiveSheet(opening.sheet);
  }

  /** A sheet name no sheet has, to pass through. */
  private freeName(): string {
    const taken = new Set(this.sheetNames().map((name) => name.toLowerCase()));
    for (let n = 1; ; n++) if (!taken.has(`~ renomeando ${n}`)) return `~ renomeando ${n}`;
  }

  /** One spreadsheet-wide finder call for every sheet's identity (instead of one read per sheet). */
  private identitySheets(): Map<string, GoogleAppsScript.Spreadsheet.Sheet[]> {
    if (this.identityCache) return this.identityCache;
    const cache = new Map<string, GoogleAppsScript.Spreadsheet.Sheet[]>();
    for (const entry of this.spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_IDENTITY_KEY).find()) {
      const sheet = entry.getLocation().getSheet();
      const key = entry.getValue();
      if (!sheet || !key) continue;
      cache.set(key, [...(cache.get(key) ?? []), sheet]);
    }
    this.identityCache = cache;
    return cache;
  }

  private setIdentityOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string): void {
    const cache = this.identitySheets();
    const id = sheet.getSheetId();
    // Any other sheet carrying the key (a copy) loses it; this sheet loses any other key.
    for (const other of cache.get(key) ?? []) {
      if (other.getSheetId() === id) continue;
      for (const entry of other.createDeveloperMetadataFinder().withKey(SHEET_IDENTITY_KEY).withValue(key).find()) entry.remove();
    }
    const own = sheet.createDeveloperMetadataFinder().withKey(SHEET_IDENTITY_KEY).find();
    const [first, ...extra] = own;
    if (!first) sheet.addDeveloperMetadata(SHEET_IDENTITY_KEY, key);
    else {
      if (first.getValue() !== key) first.setValue(key);
      for (const entry of extra) entry.remove();
    }
    for (const [other, sheets] of cache)
      cache.set(
        other,
        sheets.filter((candidate) => candidate.getSheetId() !== id),
      );
    cache.set(key, [sheet]);
  }

  /** A fixed owned sheet gets its identity when the job creates it (unless another sheet already has it). */
  private tagIfOwned(sheet: GoogleAppsScript.Spreadsheet.Sheet, name: string): void {
    const key = ownedSheetKeyOf(name);
    if (key !== null && (this.identitySheets().get(key) ?? []).length === 0) this.setIdentityOf(sheet, key);
  }

  setNotes(name: string, notes: readonly CellNote[]): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return;
    ensureGrid(sheet, Math.max(1, ...notes.map((note) => note.row + 1)), Math.max(1, ...notes.map((note) => note.column + 1)));
    // Last run's notes are looked for over the whole grid: one on a row a person has since emptied is
    // past the data, and must go too.
    const everywhere = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getNotes();
    let rows = 0;
    let columns = 0;
    for (const [r, row] of everywhere.entries())
      for (const [c, text] of row.entries())
        if (text.startsWith(JOB_NOTE_PREFIX)) {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
    for (const note of notes) {
      rows = Math.max(rows, note.row + 1);
      columns = Math.max(columns, note.column + 1);
    }
    if (rows === 0) return;
    const range = sheet.getRange(1, 1, rows, columns);
    const current = everywhere.slice(0, rows).map((row) => row.slice(0, columns));
    const backgrounds = range.getBackgrounds();
    // Clear last run's notes (only the job's own: people's notes stay).
    for (const [r, row] of current.entries())
      for (const [c, text] of row.entries())
        if (text.startsWith(JOB_NOTE_PREFIX)) {
          row[c] = '';
          gridRow(backgrounds, r)[c] = '#ffffff';
        }
    for (const note of notes) {
      const texts = gridRow(current, note.row);
      const existing = texts[note.column] ?? '';
      texts[note.column] = existing.startsWith(JOB_NOTE_PREFIX) ? `${existing}\n${note.message}` : `${JOB_NOTE_PREFIX}${note.message}`;
      gridRow(backgrounds, note.row)[note.column] = JOB_NOTE_BACKGROUND;
    }
    range.setNotes(current.map((row) => row.map(safeCellText)));
    range.setBackgrounds(backgrounds);
  }

  /** Each column's format on every row from `firstDataRow` (0-based) on; the title and header rows above stay general. */
  private formats(rows: number, width: number, columnFormats: readonly (string | undefined)[], firstDataRow = 0): string[][] {
    const row = Array.from({ length: width }, (_, index) => columnFormats[index] ?? 'General');
    const general = new Array<string>(width).fill('General');
    return Array.from({ length: rows }, (_, index) => (index < firstDataRow ? general : row));
  }

  /** Sheets returns '' for empty cells and Date objects for date cells; the core wants null and serials. */
  private toCell(value: unknown): Cell {
    if (value === '' || value === null || value === undefined) return null;
    if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
      return serialOfInstant((value as Date).getTime(), this.timeZone);
    }
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
    return String(value);
  }
}
