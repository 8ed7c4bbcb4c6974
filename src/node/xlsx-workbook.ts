// The Node host's Workbook: an .xlsx file held in memory with exceljs, saved atomically.
// Writes touch only the sheets the job writes, so formatting people added elsewhere survives.

import ExcelJS from 'exceljs';
import { JOB_NOTE_PREFIX } from '../core/messages/config';
import { ownedSheetKeyOf } from '../core/sheets';
import { safeCell, safeCellText } from '../core/workbook/cell-text';
import { columnWidthsOf } from '../core/workbook/column-widths';
import { dataRowsOf, headerRowOf, linkRunsOf, rowStylesOf, validatedRowsOf } from '../core/workbook/sheet-layout';
import type { ChartSpec, ValidationSpec } from '../core/workbook/sheet-specs';
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

/** Report rules as native .xlsx conditional formats over the data rows (colour scales and per-cell expressions). */
function applyConditionalFormats(sheet: ExcelJS.Worksheet, content: SheetContent): void {
  const firstRow = headerRowOf(content) + 2;
  const lastRow = Math.max(firstRow, content.rows.length);
  let priority = 1;
  for (const rule of content.conditionalFormats ?? []) {
    if (rule.kind === 'gradient') {
      const points = [rule.min, ...(rule.mid ? [rule.mid] : []), rule.max];
      sheet.addConditionalFormatting({
        ref: `${columnLetter(rule.columnRange[0])}${firstRow}:${columnLetter(rule.columnRange[1])}${lastRow}`,
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
        ref: `${letter}${firstRow}:${letter}${lastRow}`,
        rules: [
          {
            type: 'expression',
            priority: priority++,
            formulae: [`$${letter}${firstRow}="${text}"`],
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

/**
 * The workbook's default font (exceljs writes Calibri 11 as the file's first font), named in every
 * font the adapter writes: a font with only `<b/>` has no name, and LibreOffice then draws it in its
 * own default, a serif, instead of the cells' Calibri (Carlito, its metric twin, where Calibri is missing).
 */
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, family: 2, scheme: 'minor' };
const MUTED_FONT = argb('#9e9e9e');
/** The colour Sheets and Excel give a link's text (it is underlined too). */
const LINK_FONT = argb('#1155cc');
/** The default font's digit width in pixels (Calibri 11), the unit of a column's stored width. */
const MAX_DIGIT_PX = 7;
/**
 * The default font's average letter in pixels for wrapping estimates: Calibri 11 (and Carlito, its
 * metric twin in LibreOffice) sets a reason's mixed lower-case text at about 6 px a character.
 */
const AVERAGE_CHAR_PX = 6.5;
/** Pixels of a cell kept clear of its text, its two sides together (Excel's 5 px of padding). */
const CELL_PADDING_PX = 5;
/** One indent step in pixels: three spaces of the default font, as Excel and LibreOffice draw it. */
const INDENT_PX = 9;
/** One line of the default font, in points: the default row's height (15 pt, 20 px). */
const LINE_PT = 15;
/** Data rows looked at to tell a column of numbers from one of text. */
const KIND_SAMPLED_ROWS = 400;
/** A wrapped cell grows its row to at most this many lines; a longer text is cut at the row's foot (whole in the cell). */
export const MAX_WRAPPED_LINES = 6;
/**
 * Excel refuses (and "repairs" the file over) a list validation whose literal list is longer than 255
 * characters, commas included; it splits the list on commas, so a value cannot hold one.
 */
const MAX_LIST_CHARS = 255;
/** Excel's limit on a validation's messages, its notes on ECMA-376's `dataValidation` say (prompt 255 characters, error 225). */
const MAX_VALIDATION_MESSAGE = 225;

/**
 * The width the file stores for a column `px` pixels wide. A stored width w shows
 * Truncate(((256·w + Truncate(128/7))/256)·7) pixels with the default font's 7-pixel digits (ECMA-376
 * Part 1, 18.3.1.13 `col`), so w = px/7, rounded up to Excel's 1/256 steps. Excel's column dialog shows
 * (px − 5)/7: the characters that fit inside the cell's 5 pixels of padding.
 */
export function xlsxColumnWidth(px: number): number {
  return Math.ceil((px / MAX_DIGIT_PX) * 256) / 256;
}

function solidFill(color: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: argb(color) };
}

/** A validation as Excel stores it: people's input that fails it is stopped with the help text, also shown as the cell's prompt. */
function xlsxValidation(spec: ValidationSpec): ExcelJS.DataValidation {
  const message = spec.helpText.slice(0, MAX_VALIDATION_MESSAGE);
  const messages = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', error: message, showInputMessage: true, prompt: message };
  // Serial 1 is 01/01/1900, Excel's first date: the rule accepts any date.
  if (spec.kind === 'date') return { type: 'date', operator: 'greaterThanOrEqual', formulae: [1], ...messages };
  const unfit = spec.values.find((value) => /[",]/.test(value));
  if (unfit !== undefined) throw new Error(`List validation value "${unfit}" holds a comma or a double quote, which an .xlsx list cannot hold`);
  const list = spec.values.join(',');
  if (list.length > MAX_LIST_CHARS)
    throw new Error(`List validation of column ${spec.column} is ${list.length} characters long; an .xlsx list holds ${MAX_LIST_CHARS}`);
  return { type: 'list', formulae: [`"${list}"`], ...messages };
}

/** exceljs keeps a sheet's validations here, keyed by a cell or a range, outside its typings. */
interface ValidationStore {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function validationsOf(sheet: ExcelJS.Worksheet): ValidationStore {
  return (sheet as unknown as { dataValidations: ValidationStore }).dataValidations;
}

/**
 * Joins one-cell validations down a column into ranges. exceljs loads a range as one entry per cell,
 * and its writer, sorting addresses as text (C10 before C2), writes overlapping ranges for them.
 */
function compactValidations(sheet: ExcelJS.Worksheet): void {
  const store = validationsOf(sheet);
  const kept: Record<string, ExcelJS.DataValidation> = {};
  const cells = new Map<string, { column: string; row: number; rule: ExcelJS.DataValidation }[]>();
  for (const [address, rule] of Object.entries(store.model)) {
    if (!rule) continue;
    const cell = /^([A-Z]+)(\d+)$/.exec(address);
    if (!cell?.[1] || !cell[2]) {
      kept[address] = rule;
      continue;
    }
    const key = `${cell[1]}|${JSON.stringify(rule)}`;
    cells.set(key, [...(cells.get(key) ?? []), { column: cell[1], row: Number(cell[2]), rule }]);
  }
  for (const group of cells.values()) {
    group.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let index = 1; index <= group.length; index++) {
      const first = group[start];
      const previous = group[index - 1];
      if (!first || !previous) break;
      if (group[index]?.row === previous.row + 1) continue;
      kept[first.row === previous.row ? `${first.column}${first.row}` : `${first.column}${first.row}:${first.column}${previous.row}`] = first.rule;
      start = index;
    }
  }
  store.model = kept;
}

/**
 * Lines a text takes wrapped in a column `columnPx` wide, as Excel and LibreOffice break it: at spaces
 * and line breaks, a word longer than a line cut where the line ends. Counted a little wider than the
 * font's average letter, so the estimate errs on the side of a line too many, never one too few.
 */
export function wrappedLineCount(text: string, columnPx: number): number {
  const perLine = Math.max(1, Math.floor((columnPx - CELL_PADDING_PX) / AVERAGE_CHAR_PX));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ').filter((part) => part !== '')) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      lines += Math.floor((word.length - 1) / perLine);
      used = ((word.length - 1) % perLine) + 1;
    }
  }
  return lines;
}

/** What a column's data cells hold, from the rows columnWidthsOf samples too: numbers (dates included), text, or both or neither. */
function columnKinds(content: SheetContent, width: number): ('number' | 'text' | 'mixed')[] {
  const data = dataRowsOf(content);
  const sample = content.rows.slice(data.start, data.start + Math.min(data.count, KIND_SAMPLED_ROWS));
  return Array.from({ length: width }, (_, column) => {
    const kinds = new Set(
      sample.map((row) => row[column]).flatMap((cell) => (typeof cell === 'number' ? ['number'] : typeof cell === 'string' && cell !== '' ? ['text'] : [])),
    );
    return kinds.size === 1 ? (kinds.has('number') ? 'number' : 'text') : 'mixed';
  });
}

/**
 * Column widths from columnWidthsOf for every column, hidden columns, and the data cells' alignment:
 * wrapped columns (cells aligned to the top), each row as tall as its longest wrapped text (at most
 * MAX_WRAPPED_LINES lines), and a text column right of a column of numbers indented one step. Excel and
 * LibreOffice keep a cell's text a pixel or two from its edge, so a number on its cell's right edge
 * ran into the next cell's text ("12,0+55 61 …", "2 Planilha: …"); Sheets pads cells 3 px each side.
 * The height is written because LibreOffice does not fit rows on opening (checked with 7.4: a row
 * without `ht` stays at the sheet's 15 pt default, and a wrapped text ran over the rows below it), and
 * a written height reads the same in Excel.
 */
function applyColumns(sheet: ExcelJS.Worksheet, content: SheetContent, width: number): void {
  const widths = columnWidthsOf(content);
  widths.forEach((px, index) => {
    sheet.getColumn(index + 1).width = xlsxColumnWidth(px);
  });
  for (const column of content.hiddenColumns ?? []) if (column >= 0 && column < width) sheet.getColumn(column + 1).hidden = true;
  const wrapped = [...new Set((content.wrappedColumns ?? []).filter((column) => column >= 0 && column < width))];
  const kinds = columnKinds(content, width);
  const indented = new Set(kinds.flatMap((kind, column) => (kind === 'text' && kinds[column - 1] === 'number' ? [column] : [])));
  const data = dataRowsOf(content);
  if (wrapped.length === 0 && indented.size === 0) return;
  for (let row = data.start; row < data.start + data.count; row++) {
    const cells = sheet.getRow(row + 1);
    for (let column = 0; column < width; column++) {
      const alignment: Partial<ExcelJS.Alignment> = {
        ...(wrapped.length > 0 ? { vertical: 'top' } : {}),
        ...(wrapped.includes(column) ? { wrapText: true } : {}),
        ...(indented.has(column) ? { horizontal: 'left', indent: 1 } : {}),
      };
      if (Object.keys(alignment).length > 0) cells.getCell(column + 1).alignment = alignment;
    }
    if (wrapped.length === 0) continue;
    const lines = Math.max(
      1,
      ...wrapped.map((column) => {
        const text = content.rows[row]?.[column];
        return typeof text === 'string' ? wrappedLineCount(text, (widths[column] ?? 0) - (indented.has(column) ? INDENT_PX : 0)) : 1;
      }),
    );
    if (lines > 1) cells.height = Math.min(lines, MAX_WRAPPED_LINES) * LINE_PT;
  }
}

/**
 * Rows written under kept rows (replaceRowsFrom: the run log and Histórico grow a row or a week at a
 * time) take the alignment of the row just above them, wrapped and indented columns included, and a
 * wrapped row the height of its text, as the rows written with the sheet have. The header and title
 * rows carry no alignment, so nothing is copied from them.
 */
function alignLikeRowAbove(sheet: ExcelJS.Worksheet, fromRow: number, rows: readonly (readonly Cell[])[], width: number): void {
  if (fromRow < 1) return;
  const above = sheet.getRow(fromRow);
  const alignments = Array.from({ length: width }, (_, column) => above.getCell(column + 1).alignment);
  if (alignments.every((alignment) => !alignment || Object.keys(alignment).length === 0)) return;
  const wraps = alignments.some((alignment) => alignment?.wrapText === true);
  rows.forEach((values, offset) => {
    const row = sheet.getRow(fromRow + offset + 1);
    let lines = 1;
    alignments.forEach((alignment, column) => {
      if (!alignment || Object.keys(alignment).length === 0) return;
      row.getCell(column + 1).alignment = { ...alignment };
      const text = values[column];
      // A stored width counts 7-pixel digits (xlsxColumnWidth); a column without one is Excel's 8.43.
      const px = (sheet.getColumn(column + 1).width ?? 8.43) * MAX_DIGIT_PX - (alignment.indent ?? 0) * INDENT_PX;
      if (alignment.wrapText === true && typeof text === 'string') lines = Math.max(lines, wrappedLineCount(text, px));
    });
    if (wraps) row.height = lines > 1 ? Math.min(lines, MAX_WRAPPED_LINES) * LINE_PT : (undefined as unknown as number);
  });
}

/** The header row bold, greyed rows and row styles, on every cell of the table's width (a band spans the table, not the whole row). */
function applyRowStyles(sheet: ExcelJS.Worksheet, content: SheetContent, width: number): void {
  const headerRow = headerRowOf(content);
  const height = content.rows.length;
  const styles = rowStylesOf(content);
  const muted = new Set(content.mutedRows ?? []);
  const rows = new Set([...(height > headerRow ? [headerRow] : []), ...muted, ...styles.keys()]);
  for (const row of rows) {
    if (row < 0 || row >= height) continue;
    const style = styles.get(row);
    const bold = style?.bold ?? (row === headerRow ? true : undefined);
    const color = style?.fontColor ? argb(style.fontColor) : muted.has(row) ? MUTED_FONT : undefined;
    const font: Partial<ExcelJS.Font> = {
      ...BASE_FONT,
      ...(bold !== undefined ? { bold } : {}),
      ...(color ? { color } : {}),
      ...(style?.fontSize !== undefined ? { size: style.fontSize } : {}),
    };
    const fill = style?.background ? solidFill(style.background) : undefined;
    const cells = sheet.getRow(row + 1);
    for (let column = 1; column <= width; column++) {
      const cell = cells.getCell(column);
      if (bold !== undefined || color || style?.fontSize !== undefined) cell.font = font;
      if (fill) cell.fill = fill;
    }
  }
}

/** Each validation over its column's data rows and VALIDATION_SPARE_ROWS below them, as one range. */
function applyValidations(sheet: ExcelJS.Worksheet, content: SheetContent): void {
  const rows = validatedRowsOf(content);
  for (const spec of content.validations ?? []) {
    if (!Number.isInteger(spec.column) || spec.column < 0) continue;
    const letter = columnLetter(spec.column);
    validationsOf(sheet).add(`${letter}${rows.start + 1}:${letter}${rows.start + rows.count}`, xlsxValidation(spec));
  }
}

/** Linked cells hold `{ text, hyperlink }` (read back as their text), drawn as links are. */
function applyLinks(sheet: ExcelJS.Worksheet, content: SheetContent): void {
  for (const run of linkRunsOf(content))
    run.cells.forEach(({ text, url }, offset) => {
      const cell = sheet.getRow(run.start + offset + 1).getCell(run.column + 1);
      cell.value = { text, hyperlink: url };
      cell.font = { ...BASE_FONT, ...cell.font, color: LINK_FONT, underline: true };
    });
}

/** A chart drawn as a picture: PNG bytes and their size in pixels. */
export interface ChartImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Draws a chart from its spec and the rows of its sheet. */
export type ChartRenderer = (spec: ChartSpec, rows: readonly (readonly Cell[])[]) => Promise<ChartImage>;

/** The real renderer (vega-lite → SVG → PNG), loaded only when a chart is drawn. */
const renderChartPng: ChartRenderer = async (spec, rows) => (await import('./preview/chart-png')).renderChartPng(spec, rows);

export interface XlsxWorkbookOptions {
  /** How charts become pictures in the file (default: the preview's vega-lite renderer). */
  readonly renderChart?: ChartRenderer;
}

/** A chart that could not be drawn at save: the file was saved without its picture. */
export interface ChartImageFailure {
  readonly sheet: string;
  readonly chart: string;
  readonly error: unknown;
}

/** exceljs's internals for a sheet's pictures and the workbook's media, outside its typings. */
interface MediaInternals {
  media: unknown[];
}
interface SheetMediaInternals {
  _media: { imageId: number }[];
}

export class XlsxWorkbook implements Workbook {
  readonly calls = { reads: 0, writes: 0 };
  /** Charts that could not be drawn at the last save (their sheets were saved without the picture). */
  readonly chartImageFailures: ChartImageFailure[] = [];
  private readonly renderChart: ChartRenderer;
  /** Sheets written with charts since the last save: their pictures are drawn and placed at save (exceljs writes no native charts). */
  private readonly pendingCharts = new Map<ExcelJS.Worksheet, { readonly charts: readonly ChartSpec[]; readonly rows: readonly (readonly Cell[])[] }>();
  /** The sheet the file opens on (arrangeSheets, or the file's own active tab when loaded). */
  private openingSheet: string | null;

  private constructor(
    readonly book: ExcelJS.Workbook,
    options: XlsxWorkbookOptions,
  ) {
    this.renderChart = options.renderChart ?? renderChartPng;
    const activeTab = book.views?.[0]?.activeTab;
    this.openingSheet = activeTab === undefined ? null : (book.worksheets[activeTab]?.name ?? null);
  }

  static empty(options: XlsxWorkbookOptions = {}): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = 'Progresso Cademi';
    return new XlsxWorkbook(book, options);
  }

  static async load(path: string, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return new XlsxWorkbook(book, options);
  }

  /**
   * Writes the file atomically, keeping its mode and writing through a symlink (see atomic-file.ts);
   * `limitTo`: a file this one must not be more readable than (the archive beside a private workbook).
   * Charts written since the last save are drawn into the file first.
   */
  async save(path: string, options: AtomicWriteOptions = {}): Promise<void> {
    await this.placeChartImages();
    this.dropUnusedMedia();
    for (const sheet of this.book.worksheets) compactValidations(sheet);
    this.setOpeningSheet();
    writeFileAtomically(path, Buffer.from(await this.book.xlsx.writeBuffer()), options);
  }

  /**
   * Draws each pending chart and places it at its spec's cell. A rewritten sheet is a new worksheet,
   * so its old pictures went with the old one; a sheet not rewritten keeps the pictures it was loaded
   * with. A chart the renderer fails on is left out (recorded in chartImageFailures): a picture is
   * never worth the data of a save.
   */
  private async placeChartImages(): Promise<void> {
    this.chartImageFailures.length = 0;
    const live = [...this.pendingCharts].filter(([sheet]) => this.book.worksheets.includes(sheet));
    // All at once: the rasteriser works off the main thread while the next chart is laid out.
    const drawings = await Promise.all(
      live.flatMap(([sheet, { charts, rows }]) =>
        charts.map(async (spec) => {
          try {
            return { sheet, spec, image: await this.renderChart(spec, rows) };
          } catch (error) {
            this.chartImageFailures.push({ sheet: sheet.name, chart: spec.id, error });
            return null;
          }
        }),
      ),
    );
    for (const drawn of drawings) {
      if (drawn === null) continue;
      const { sheet, spec, image } = drawn;
      const id = this.book.addImage({ buffer: Buffer.from(image.png) as unknown as ExcelJS.Buffer, extension: 'png' });
      sheet.addImage(id, { tl: { col: spec.position.column, row: spec.position.row }, ext: { width: image.width, height: image.height } });
    }
    this.pendingCharts.clear();
  }

  /** Media no sheet shows any more (the pictures of rewritten sheets) are not written again; the ids of the rest follow. */
  private dropUnusedMedia(): void {
    const book = this.book as unknown as MediaInternals;
    const placed = this.book.worksheets.flatMap((sheet) => (sheet as unknown as SheetMediaInternals)._media);
    const used = [...new Set(placed.map((medium) => medium.imageId))].sort((a, b) => a - b);
    if (used.length === book.media.length) return;
    const newId = new Map(used.map((id, index) => [id, index]));
    book.media = used.map((id) => book.media[id]);
    for (const medium of placed) medium.imageId = newId.get(medium.imageId) ?? medium.imageId;
  }

  /** The file opens on the arranged first sheet (set again at save: rewrites replace sheets' views); never on a hidden one (Excel would show a sheet nobody can pick). */
  private setOpeningSheet(): void {
    const sheets = this.book.worksheets;
    let index = sheets.findIndex((sheet) => sheet.name === this.openingSheet && sheet.state === 'visible');
    if (index < 0)
      index = Math.max(
        0,
        sheets.findIndex((sheet) => sheet.state === 'visible'),
      );
    const view = this.book.views?.[0];
    this.book.views = [
      { x: view?.x ?? 0, y: view?.y ?? 0, width: view?.width ?? 12000, height: view?.height ?? 24000, visibility: 'visible', firstSheet: 0, activeTab: index },
    ];
    // Each sheet's own view says whether its tab is the selected one; two selected tabs would be a group.
    sheets.forEach((sheet, position) => {
      const [own, ...rest] = sheet.views ?? [];
      sheet.views = [{ ...(own ?? { state: 'normal' }), tabSelected: position === index } as unknown as Partial<ExcelJS.WorksheetView>, ...rest];
    });
  }

  sheetNames(): string[] {
    return this.book.worksheets.map((sheet) => sheet.name);
  }

  /** Whether the sheet's tab is hidden (written hidden, or hidden by a person in Excel or LibreOffice); false for no such sheet. */
  isSheetHidden(name: string): boolean {
    const state = this.book.getWorksheet(name)?.state;
    return state === 'hidden' || state === 'veryHidden';
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
    if (existing) {
      this.book.removeWorksheet(existing.id);
      this.pendingCharts.delete(existing);
    }
    const frozen = content.frozenRows || content.frozenColumns;
    const sheet = this.book.addWorksheet(name, {
      state: content.hidden ? 'hidden' : 'visible',
      views: frozen ? [{ state: 'frozen', ySplit: content.frozenRows ?? 0, xSplit: content.frozenColumns ?? 0 }] : [],
      ...(content.tabColor ? { properties: { tabColor: argb(content.tabColor) } } : {}),
    });
    if (position >= 0) this.moveSheet(sheet, position);
    if (!existing) this.tagIfOwned(name);
    const width = Math.max(1, ...content.rows.map((row) => row.length));
    const headerRow = headerRowOf(content);
    this.fill(sheet, 0, content.rows, width, content.columnFormats, headerRow + 1);
    applyColumns(sheet, content, width);
    if (content.filter && content.rows.length > headerRow)
      sheet.autoFilter = { from: { row: headerRow + 1, column: 1 }, to: { row: content.rows.length, column: width } };
    applyConditionalFormats(sheet, content);
    applyValidations(sheet, content);
    applyRowStyles(sheet, content, width);
    applyLinks(sheet, content);
    // exceljs writes no native charts: they are drawn as pictures at save, from the rows written now.
    if (content.charts && content.charts.length > 0) this.pendingCharts.set(sheet, { charts: content.charts, rows: content.rows.map((row) => [...row]) });
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
    const width = Math.max(sheet.columnCount, ...rows.map((row) => row.length));
    this.fill(sheet, fromRow, rows, width, columnFormats);
    alignLikeRowAbove(sheet, fromRow, rows, width);
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
    this.pendingCharts.delete(sheet);
    this.retargetDefinedNames(name, null);
    if (this.openingSheet === name) this.openingSheet = null;
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
    if (this.openingSheet === from) this.openingSheet = to;
  }

  /** Orders the tabs (exceljs's orderNo) and opens the file on the first named visible sheet (set in the file at save). */
  arrangeSheets(order: readonly string[]): void {
    this.calls.writes++;
    const named = [...new Set(order)].flatMap((name) => {
      const sheet = this.book.getWorksheet(name);
      return sheet ? [sheet] : [];
    });
    const others = this.book.worksheets.filter((sheet) => !named.includes(sheet));
    [...named, ...others].forEach((sheet, index) => {
      (sheet as unknown as { orderNo: number }).orderNo = index;
    });
    const opening = named.find((sheet) => sheet.state === 'visible');
    if (opening) this.openingSheet = opening.name;
    this.setOpeningSheet();
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

  /**
   * Writes rows from `fromRow`; each cell of a formatted column within `width`, on a row from
   * `firstDataRow` (0-based) on, gets its format, empty ones too (the title and header rows stay general).
   */
  private fill(
    sheet: ExcelJS.Worksheet,
    fromRow: number,
    rows: readonly (readonly Cell[])[],
    width: number,
    formats?: readonly (string | undefined)[],
    firstDataRow = 1,
  ): void {
    rows.forEach((values, offset) => {
      const row = sheet.getRow(fromRow + offset + 1);
      values.forEach((value, index) => {
        // Strings are always stored as text cells (exceljs never turns a string into a formula), made
        // safe by the one cell-text rule: no character XML forbids, no text longer than a cell holds.
        row.getCell(index + 1).value = safeCell(value);
      });
      if (!formats || fromRow + offset < firstDataRow) return;
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
