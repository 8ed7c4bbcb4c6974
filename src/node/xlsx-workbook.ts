// The Node host's Workbook: an .xlsx file held in memory with exceljs, saved atomically.
// Writes touch only the sheets the job writes, so formatting people added elsewhere survives.

import ExcelJS from 'exceljs';
import { JOB_NOTE_PREFIX } from '../core/messages/config';
import { ownedSheetKeyOf } from '../core/sheets';
import { safeCell, safeCellText } from '../core/workbook/cell-text';
import { type Cell, type CellNote, IDENTITY_KEY, type SheetContent, type Workbook } from '../core/workbook/workbook';
import { type AtomicWriteOptions, writeFileAtomically } from './atomic-file';

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Marks the notes the job wrote, so it can replace them without touching people's own notes. */
const JOB_NOTE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0B2' } };
/**
 * A sheet's identity is a workbook-level defined name `ProgressoCademi_<key>` pointing at its A1.
 * Excel and LibreOffice rewrite a defined name's sheet reference when the sheet is renamed (checked
 * with LibreOffice 7.4 headless: `'Meu histórico'!$A$1` after renaming `Histórico`), and exceljs keeps
 * defined names through load and save; a name left pointing at a deleted sheet (`#REF!`) is dropped.
 */
const IDENTITY_NAME_PREFIX = 'ProgressoCademi_';
/**
 * Excel's longest sheet name (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * exceljs would cut a longer one silently, and the sheet would then not be found by its name.
 */
const MAX_SHEET_NAME = 31;

function checkSheetName(name: string): void {
  if (name.length > MAX_SHEET_NAME) throw new Error(`Sheet name "${name}" is longer than ${MAX_SHEET_NAME} characters`);
}

/** The text of a cell's note (exceljs keeps plain and rich-text notes). */
function noteText(note: ExcelJS.Cell['note']): string {
  return typeof note === 'string' ? note : (note?.texts?.map((t) => t.text).join('') ?? '');
}

/** `'Histórico'!$A$1` → `Histórico` (quotes removed, doubled apostrophes undone); null for other shapes. */
function sheetOfRange(range: string): string | null {
  const match = /^(?:'((?:[^']|'')*)'|([^'!]+))!/.exec(range);
  if (!match) return null;
  const [, quoted, bare] = match;
  return quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? null);
}

function identityRange(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/** exceljs reads date-formatted cells as JS Dates (UTC wall clock); the core wants serial numbers. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Math.round(((value.getTime() - SERIAL_EPOCH_UTC) / DAY_MS) * 86_400) / 86_400;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return toCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function argb(color: string): { argb: string } {
  return { argb: `FF${color.replace('#', '').toUpperCase()}` };
}

/** Report rules as native .xlsx conditional formats (colour scales and per-cell expressions). */
function applyConditionalFormats(sheet: ExcelJS.Worksheet, content: SheetContent): void {
  const lastRow = Math.max(2, content.rows.length);
  let priority = 1;
  for (const rule of content.conditionalFormats ?? []) {
    if (rule.kind === 'gradient') {
      const points = [rule.min, ...(rule.mid ? [rule.mid] : []), rule.max];
      sheet.addConditionalFormatting({
        ref: `${columnLetter(rule.columnRange[0])}2:${columnLetter(rule.columnRange[1])}${lastRow}`,
        rules: [
          {
            type: 'colorScale',
            priority: priority++,
            cfvo: points.map((point) => ({ type: 'num', value: point.value })),
            color: points.map((point) => argb(point.color)),
          },
        ],
      });
    } else {
      const letter = columnLetter(rule.column);
      const text = rule.text.replace(/"/g, '""');
      sheet.addConditionalFormatting({
        ref: `${letter}2:${letter}${lastRow}`,
        rules: [
          {
            type: 'expression',
            priority: priority++,
            formulae: [`$${letter}2="${text}"`],
            style: {
              font: { color: argb(rule.fontColor) },
              ...(rule.background ? { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(rule.background) } } : {}),
            },
          },
        ],
      });
    }
  }
}

export class XlsxWorkbook implements Workbook {
  readonly calls = { reads: 0, writes: 0 };

  private constructor(readonly book: ExcelJS.Workbook) {}

  static empty(): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = 'Progresso Cademi';
    return new XlsxWorkbook(book);
  }

  static async load(path: string): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return new XlsxWorkbook(book);
  }

  /**
   * Writes the file atomically, keeping its mode and writing through a symlink (see atomic-file.ts);
   * `limitTo`: a file this one must not be more readable than (the archive beside a private workbook).
   */
  async save(path: string, options: AtomicWriteOptions = {}): Promise<void> {
    writeFileAtomically(path, Buffer.from(await this.book.xlsx.writeBuffer()), options);
  }

  sheetNames(): string[] {
    return this.book.worksheets.map((sheet) => sheet.name);
  }

  readSheet(name: string): Cell[][] | null {
    this.calls.reads++;
    const sheet = this.book.getWorksheet(name);
    if (!sheet) return null;
    const rows: Cell[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let column = 1; column <= width; column++) cells.push(toCell(row.getCell(column).value));
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= new Array<Cell>(width).fill(null);
    while (rows.at(-1)?.every((cell) => cell === null || cell === '')) rows.pop();
    return rows;
  }

  writeSheet(name: string, content: SheetContent): void {
    this.calls.writes++;
    const existing = this.book.getWorksheet(name);
    if (!existing) checkSheetName(name);
    const position = existing ? this.book.worksheets.indexOf(existing) : -1;
    if (existing) this.book.removeWorksheet(existing.id);
    const frozen = content.frozenRows || content.frozenColumns;
    const sheet = this.book.addWorksheet(name, {
      state: content.hidden ? 'hidden' : 'visible',
      views: frozen ? [{ state: 'frozen', ySplit: content.frozenRows ?? 0, xSplit: content.frozenColumns ?? 0 }] : [],
      ...(content.tabColor ? { properties: { tabColor: argb(content.tabColor) } } : {}),
    });
    if (position >= 0) this.moveSheet(sheet, position);
    if (!existing) this.tagIfOwned(name);
    const width = Math.max(1, ...content.rows.map((row) => row.length));
    this.fill(sheet, 0, content.rows, width, content.columnFormats);
    content.rows[0]?.forEach((_, index) => {
      const column = sheet.getColumn(index + 1);
      column.width = Math.min(40, Math.max(10, ...content.rows.slice(0, 50).map((row) => String(row[index] ?? '').length + 2)));
    });
    if (content.rows.length > 0) sheet.getRow(1).font = { bold: true };
    if (content.filter && content.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: content.rows.length, column: width } };
    applyConditionalFormats(sheet, content);
    for (const row of content.mutedRows ?? []) sheet.getRow(row + 1).font = { color: { argb: 'FF9E9E9E' } };
    // Charts are not written to the .xlsx (exceljs cannot): the HTML preview draws them from the same specs.
  }

  replaceRowsFrom(name: string, fromRow: number, rows: readonly (readonly Cell[])[], columnFormats?: readonly (string | undefined)[]): void {
    this.calls.writes++;
    const sheet = this.book.getWorksheet(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    const lastRow = this.lastUsedRow(sheet);
    if (fromRow < 0 || fromRow > lastRow) throw new Error(`Row ${fromRow} is outside sheet "${name}" (${lastRow} rows)`);
    // Every old row from `fromRow` on is emptied first (cell by cell: exceljs's spliceRows leaves them
    // in place here), so a new row shorter than the old one leaves none of its cells behind.
    for (let row = fromRow + 1; row <= lastRow; row++) {
      sheet.getRow(row).eachCell({ includeEmpty: true }, (cell) => {
        cell.value = null;
      });
    }
    this.fill(sheet, fromRow, rows, Math.max(sheet.columnCount, ...rows.map((row) => row.length)), columnFormats);
  }

  updateRows(name: string, fromRow: number, rows: readonly (readonly Cell[])[]): void {
    this.calls.writes++;
    const sheet = this.book.getWorksheet(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    if (fromRow < 0) throw new Error(`Row ${fromRow} is outside sheet "${name}" (${this.lastUsedRow(sheet)} rows)`);
    rows.forEach((values, offset) => {
      const row = sheet.getRow(fromRow + offset + 1);
      values.forEach((value, index) => {
        row.getCell(index + 1).value = safeCell(value);
      });
    });
  }

  cellCount(): number {
    return this.book.worksheets.reduce((cells, sheet) => cells + sheet.rowCount * sheet.columnCount, 0);
  }

  deleteSheet(name: string): void {
    const sheet = this.book.getWorksheet(name);
    if (!sheet) return;
    this.calls.writes++;
    this.book.removeWorksheet(sheet.id);
    this.retargetDefinedNames(name, null);
  }

  setNotes(name: string, notes: readonly CellNote[]): void {
    const sheet = this.book.getWorksheet(name);
    if (!sheet) return;
    this.calls.writes++;
    // Empty cells too: a note on a cell left empty (a missing value, a row a person cleared) must go as well.
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (noteText(cell.note).startsWith(JOB_NOTE_PREFIX)) {
          cell.note = undefined as unknown as string;
          cell.fill = { type: 'pattern', pattern: 'none' };
        }
      });
    });
    const byCell = new Map<string, { row: number; column: number; messages: string[] }>();
    for (const note of notes) {
      const key = `${note.row}:${note.column}`;
      const entry = byCell.get(key);
      if (entry) entry.messages.push(note.message);
      else byCell.set(key, { row: note.row, column: note.column, messages: [note.message] });
    }
    for (const { row, column, messages } of byCell.values()) {
      const cell = sheet.getRow(row + 1).getCell(column + 1);
      cell.note = safeCellText(JOB_NOTE_PREFIX + messages.join('\n'));
      cell.fill = JOB_NOTE_FILL;
    }
  }

  sheetIdentities(): Map<string, string[]> {
    const existing = new Set(this.sheetNames());
    const byKey = new Map<string, string[]>();
    for (const { name, ranges } of this.book.definedNames.model) {
      if (!name.startsWith(IDENTITY_NAME_PREFIX)) continue;
      const key = name.slice(IDENTITY_NAME_PREFIX.length);
      const sheets = [...new Set(ranges.map(sheetOfRange).filter((sheet): sheet is string => sheet !== null && existing.has(sheet)))];
      if (sheets.length > 0) byKey.set(key, sheets);
    }
    return byKey;
  }

  setSheetIdentity(name: string, key: string): void {
    if (!IDENTITY_KEY.test(key)) throw new Error(`Invalid sheet identity key "${key}"`);
    if (!this.book.getWorksheet(name)) throw new Error(`Sheet "${name}" does not exist`);
    this.calls.writes++;
    const definedName = IDENTITY_NAME_PREFIX + key;
    const others = this.book.definedNames.model.filter(
      (entry) => entry.name !== definedName && !(entry.name.startsWith(IDENTITY_NAME_PREFIX) && entry.ranges.every((range) => sheetOfRange(range) === name)),
    );
    this.book.definedNames.model = [...others, { name: definedName, ranges: [identityRange(name)] }];
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.book.getWorksheet(from);
    if (!sheet) throw new Error(`Sheet "${from}" does not exist`);
    if (from === to) return;
    if (this.book.worksheets.some((other) => other !== sheet && other.name.toLowerCase() === to.toLowerCase())) throw new Error(`Sheet "${to}" already exists`);
    checkSheetName(to);
    this.calls.writes++;
    // exceljs refuses a name equal to the sheet's own but for case: change the case through a free name.
    if (from.toLowerCase() === to.toLowerCase()) sheet.name = this.freeName();
    sheet.name = to;
    // exceljs keys defined names by sheet name; follow the rename as Excel and LibreOffice do.
    this.retargetDefinedNames(from, to);
  }

  /** Points every defined name's ranges on sheet `from` at sheet `to`, or drops them (null: the sheet is gone). */
  private retargetDefinedNames(from: string, to: string | null): void {
    const model = this.book.definedNames.model;
    if (!model.some((entry) => entry.ranges.some((range) => sheetOfRange(range) === from))) return;
    this.book.definedNames.model = model
      .map((entry) => ({
        ...entry,
        ranges: entry.ranges.flatMap((range) => {
          if (sheetOfRange(range) !== from) return [range];
          return to === null ? [] : [`'${to.replace(/'/g, "''")}'!${range.slice(range.lastIndexOf('!') + 1)}`];
        }),
      }))
      .filter((entry) => entry.ranges.length > 0);
  }

  /** A fixed owned sheet gets its identity when the job creates it (unless another sheet already has it). */
  private tagIfOwned(name: string): void {
    const key = ownedSheetKeyOf(name);
    if (key !== null && !this.sheetIdentities().has(key)) this.setSheetIdentity(name, key);
  }

  /** The job's notes on a sheet, for tests and the CLI's report. */
  notes(name: string): CellNote[] {
    const sheet = this.book.getWorksheet(name);
    const found: CellNote[] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        const text = noteText(cell.note);
        if (text.startsWith(JOB_NOTE_PREFIX)) found.push({ row: rowNumber - 1, column: columnNumber - 1, message: text.slice(JOB_NOTE_PREFIX.length) });
      });
    });
    return found;
  }

  /** Writes rows from `fromRow`; each data cell of a formatted column within `width` gets its format, empty ones too. */
  private fill(sheet: ExcelJS.Worksheet, fromRow: number, rows: readonly (readonly Cell[])[], width: number, formats?: readonly (string | undefined)[]): void {
    rows.forEach((values, offset) => {
      const row = sheet.getRow(fromRow + offset + 1);
      values.forEach((value, index) => {
        // Strings are always stored as text cells (exceljs never turns a string into a formula), made
        // safe by the one cell-text rule: no character XML forbids, no text longer than a cell holds.
        row.getCell(index + 1).value = safeCell(value);
      });
      if (!formats || fromRow + offset === 0) return;
      // A cell left empty keeps the format too, so a value written there later (updateRows: an undo
      // date) shows as a date, as in Sheets.
      for (let index = 0; index < Math.min(width, formats.length); index++) {
        const format = formats[index];
        if (format) row.getCell(index + 1).numFmt = format;
      }
    });
  }

  /** A sheet name no sheet has, to pass through. */
  private freeName(): string {
    for (let n = 1; ; n++) {
      const name = `~ renomeando ${n}`;
      if (!this.book.worksheets.some((sheet) => sheet.name.toLowerCase() === name)) return name;
    }
  }

  /** The last row holding any value (exceljs's own counters include rows that were emptied). */
  private lastUsedRow(sheet: ExcelJS.Worksheet): number {
    let last = 0;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (row.values && (row.values as unknown[]).some((value) => value !== null && value !== undefined && value !== '')) last = number;
    });
    return last;
  }

  private moveSheet(sheet: ExcelJS.Worksheet, position: number): void {
    // exceljs orders sheets by `orderNo`; put the rewritten sheet back where it was.
    const ordered = this.book.worksheets.filter((other) => other !== sheet);
    ordered.splice(position, 0, sheet);
    ordered.forEach((other, index) => {
      (other as unknown as { orderNo: number }).orderNo = index;
    });
  }
}
