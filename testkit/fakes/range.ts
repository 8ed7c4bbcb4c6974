// Fake Range: reads and writes the sheet's grids with Sheets' conversions, shape checks and defaults.

import { FakeDataValidation, FakeRichTextValue } from './cell-rules';
import { AUTOMATIC_FORMAT, columnLetters, instantToSerial, isDateFormat, parseInput, type Scalar, serialToInstant } from './cells';
import { instrument, type Runtime } from './runtime';
import type { FakeSheet } from './sheet';
import { FakeFilter, FakeProtection } from './sheet-parts';

type GRange = GoogleAppsScript.Spreadsheet.Range;
// Sheets refuses a cell over 50,000 characters (https://support.google.com/docs/answer/37603).
const MAX_CELL_CHARS = 50_000;

/** Defaults Sheets reports for untouched cells, per formatting attribute. */
export const ATTRIBUTE_DEFAULTS: Record<string, unknown> = {
  numberFormat: AUTOMATIC_FORMAT,
  note: '',
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  wrap: false,
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  fontSize: 10,
  validation: null,
  richText: null,
};
/** Attributes `clear()`/`clearFormat()` reset (notes and validations survive, as in Sheets). */
export const FORMAT_ATTRIBUTES = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'wrap',
  'horizontalAlignment',
  'verticalAlignment',
  'fontSize',
  'border',
];

const API = [
  'getValues',
  'setValues',
  'getValue',
  'setValue',
  'getDisplayValues',
  'getFormulas',
  'getFormula',
  'setFormula',
  'setFormulas',
  'getNotes',
  'getNote',
  'setNotes',
  'setNote',
  'clearNote',
  'getBackgrounds',
  'getBackground',
  'setBackgrounds',
  'setBackground',
  'getNumberFormats',
  'getNumberFormat',
  'setNumberFormats',
  'setNumberFormat',
  'getFontWeights',
  'setFontWeight',
  'setFontWeights',
  'getFontColors',
  'setFontColor',
  'setFontColors',
  'setFontSize',
  'setFontSizes',
  'getFontSizes',
  'getWraps',
  'setWrap',
  'setWrapStrategy',
  'getHorizontalAlignments',
  'setHorizontalAlignment',
  'setVerticalAlignment',
  'getVerticalAlignments',
  'setBorder',
  'setDataValidation',
  'getDataValidations',
  'getDataValidation',
  'clearDataValidations',
  'setRichTextValues',
  'setRichTextValue',
  'getRichTextValues',
  'getRichTextValue',
  'clearContent',
  'clear',
  'clearFormat',
  'getRow',
  'getColumn',
  'getLastRow',
  'getLastColumn',
  'getNumRows',
  'getNumColumns',
  'getA1Notation',
  'getSheet',
  'offset',
  'createFilter',
  'getFilter',
  'protect',
  'isBlank',
  'activate',
] as const satisfies readonly (keyof GRange)[];

/** A rectangle of a fake sheet (1-based row/column like Apps Script). */
export class FakeRange implements Pick<GRange, (typeof API)[number]> {
  readonly rt: Runtime;

  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {
    this.rt = sheet.rt;
  }

  /** This object as the Apps Script type. */
  gas(): GRange {
    return this as unknown as GRange;
  }
  fakeScope(): string {
    return this.sheet.name;
  }
  fakeCells(): number {
    return this.numRows * this.numColumns;
  }

  private map<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = new Array(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) row[j] = f(this.row - 1 + i, this.column - 1 + j);
      out.push(row);
    }
    return out;
  }

  private checkShape(values: unknown, what = 'data'): asserts values is unknown[][] {
    if (!Array.isArray(values))
      throw this.rt.exception(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.set${what === 'data' ? 'Values' : what}.`,
      );
    if (values.length !== this.numRows) {
      throw this.rt.exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row))
        throw this.rt.exception(`The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.set${what === 'data' ? 'Values' : what}.`);
      if (row.length !== this.numColumns) {
        throw this.rt.exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  /** The value a cell reads as (date-formatted numbers become Dates; formulas evaluate). */
  private read(r: number, c: number): unknown {
    const formula = this.sheet.formulas.get(r, c);
    if (formula) return this.sheet.spreadsheet.evaluateFormula(formula, this.sheet.gas(), r + 1, c + 1);
    const v = this.sheet.values.get(r, c);
    if (typeof v === 'number') {
      const format = this.sheet.attr('numberFormat').get(r, c) as string | null;
      if (format && isDateFormat(format)) return new this.rt.Date(serialToInstant(v, this.sheet.spreadsheet.timeZone));
    }
    return v;
  }

  /** Stores one written value the way Sheets would. */
  private write(r: number, c: number, v: unknown): void {
    const sheet = this.sheet;
    const formats = sheet.attr('numberFormat');
    const format = (formats.get(r, c) as string | null) ?? '';
    let stored: Scalar = '';
    let formula = '';
    let newFormat: string | undefined;
    if (v === null || v === undefined || v === '') stored = '';
    else if (typeof v === 'string') {
      if (v.length > MAX_CELL_CHARS) throw this.rt.exception(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      const parsed = parseInput(v, format, sheet.spreadsheet.locale, sheet.spreadsheet.timeZone);
      stored = parsed.value;
      formula = parsed.formula ?? '';
      if (parsed.format && (format === '' || isDateFormat(format) !== isDateFormat(parsed.format))) newFormat = parsed.format;
    } else if (typeof v === 'number') stored = Number.isFinite(v) ? v : '#NUM!';
    else if (typeof v === 'boolean') stored = v;
    else if (Object.prototype.toString.call(v) === '[object Date]') {
      const ms = (v as Date).getTime();
      if (Number.isNaN(ms)) stored = '#VALUE!';
      else {
        stored = instantToSerial(ms, sheet.spreadsheet.timeZone);
        if (format === '') newFormat = 'dd/mm/yyyy hh:mm:ss';
      }
    } else {
      throw this.rt.exception(`FakeSheets: cannot store a value of type ${Array.isArray(v) ? 'array' : typeof v} in a cell (${String(v).slice(0, 40)})`);
    }
    sheet.values.set(r, c, stored);
    sheet.formulas.set(r, c, formula);
    // A plain value replaces the cell's rich text, and its links with it.
    sheet.attr('richText').set(r, c, null);
    if (newFormat !== undefined) formats.set(r, c, newFormat);
  }

  private setAttr(name: string, value: unknown): GRange {
    const grid = this.sheet.attr(name);
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) grid.set(this.row - 1 + i, this.column - 1 + j, value);
    return this.gas();
  }
  private setAttrs(name: string, values: unknown[][], method: string): GRange {
    this.checkShape(values, method);
    const grid = this.sheet.attr(name);
    values.forEach((row, i) => {
      row.forEach((v, j) => {
        grid.set(this.row - 1 + i, this.column - 1 + j, v);
      });
    });
    return this.gas();
  }
  private getAttrs<T>(name: string): T[][] {
    const grid = this.sheet.attr(name);
    const fallback = ATTRIBUTE_DEFAULTS[name];
    return this.map((r, c) => (grid.get(r, c) ?? fallback) as T);
  }

  /** Values as Apps Script returns them: '' for empty, Dates for date-formatted numbers, fresh arrays. */
  getValues(): any[][] {
    return this.map((r, c) => this.read(r, c));
  }
  getValue(): any {
    return this.read(this.row - 1, this.column - 1);
  }
  /** Writes a rectangle; throws Sheets' shape errors; converts strings like Sheets in the spreadsheet's locale. */
  setValues(values: any[][]): GRange {
    this.checkShape(values);
    values.forEach((row, i) => {
      row.forEach((v, j) => {
        this.write(this.row - 1 + i, this.column - 1 + j, v);
      });
    });
    return this.gas();
  }
  /** Writes `value` to every cell of the range (as Sheets does). */
  setValue(value: any): GRange {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) this.write(this.row - 1 + i, this.column - 1 + j, value);
    return this.gas();
  }
  getDisplayValues(): string[][] {
    return this.map((r, c) => {
      const v = this.read(r, c);
      if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).toISOString();
      if (typeof v === 'number' && this.sheet.spreadsheet.locale === 'pt_BR') return String(v).replace('.', ',');
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      return String(v);
    });
  }
  getFormulas(): string[][] {
    return this.map((r, c) => this.sheet.formulas.get(r, c));
  }
  getFormula(): string {
    return this.sheet.formulas.get(this.row - 1, this.column - 1);
  }
  setFormula(formula: string): GRange {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) this.putFormula(this.row - 1 + i, this.column - 1 + j, formula);
    return this.gas();
  }
  setFormulas(formulas: string[][]): GRange {
    this.checkShape(formulas, 'Formulas');
    formulas.forEach((row, i) => {
      row.forEach((f, j) => {
        this.putFormula(this.row - 1 + i, this.column - 1 + j, f);
      });
    });
    return this.gas();
  }
  private putFormula(r: number, c: number, f: string): void {
    if (f === '' || f === null) {
      this.write(r, c, '');
      return;
    }
    this.sheet.values.set(r, c, '');
    this.sheet.formulas.set(r, c, f.startsWith('=') ? f : `=${f}`);
  }

  getNotes(): string[][] {
    return this.getAttrs('note');
  }
  getNote(): string {
    return this.getAttrs<string>('note')[0][0];
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    return this.setAttrs(
      'note',
      notes.map((r) => r.map((n) => n ?? '')),
      'Notes',
    );
  }
  setNote(note: string | null): GRange {
    return this.setAttr('note', note ?? '');
  }
  clearNote(): GRange {
    return this.setAttr('note', null);
  }
  getBackgrounds(): string[][] {
    return this.getAttrs('background');
  }
  getBackground(): string {
    return this.getAttrs<string>('background')[0][0];
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    return this.setAttrs('background', color, 'Backgrounds');
  }
  setBackground(color: string | null): GRange {
    return this.setAttr('background', color);
  }
  getNumberFormats(): string[][] {
    return this.getAttrs('numberFormat').map((r) => r.map((f) => (f === '' ? AUTOMATIC_FORMAT : (f as string))));
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  setNumberFormats(numberFormats: any[][]): GRange {
    return this.setAttrs('numberFormat', numberFormats, 'NumberFormats');
  }
  setNumberFormat(numberFormat: string): GRange {
    return this.setAttr('numberFormat', numberFormat);
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.getAttrs('fontWeight');
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    return this.setAttr('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GRange {
    return this.setAttrs('fontWeight', fontWeights, 'FontWeights');
  }
  getFontColors(): string[][] {
    return this.getAttrs('fontColor');
  }
  setFontColor(color: string | null): GRange {
    return this.setAttr('fontColor', color);
  }
  setFontColors(colors: any[][]): GRange {
    return this.setAttrs('fontColor', colors, 'FontColors');
  }
  setFontSize(size: number): GRange {
    return this.setAttr('fontSize', size);
  }
  /** Sizes in points; the typings (and Sheets) take integers only, so a null or a string is refused. */
  setFontSizes(sizes: number[][]): GRange {
    this.checkShape(sizes, 'FontSizes');
    if (sizes.some((row) => row.some((size) => typeof size !== 'number' || !Number.isInteger(size) || size < 1)))
      throw this.rt.exception("The parameters (number[][]) don't match the method signature for SpreadsheetApp.Range.setFontSizes.");
    return this.setAttrs('fontSize', sizes, 'FontSizes');
  }
  getFontSizes(): number[][] {
    return this.getAttrs('fontSize');
  }
  getWraps(): boolean[][] {
    return this.getAttrs('wrap');
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this.setAttr('wrap', isWrapEnabled);
  }
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): GRange {
    return this.setAttr('wrap', String(strategy) === 'WRAP');
  }
  getHorizontalAlignments(): string[][] {
    return this.getAttrs('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange {
    return this.setAttr('horizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    return this.setAttr('verticalAlignment', alignment);
  }
  getVerticalAlignments(): string[][] {
    return this.getAttrs('verticalAlignment');
  }
  setBorder(...args: unknown[]): GRange {
    return this.setAttr('border', args);
  }
  /** One rule over every cell of the range (null removes it); a rule not built by newDataValidation() is refused. */
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    if (rule !== null && !(rule instanceof FakeDataValidation))
      throw this.rt.exception("The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
    return this.setAttr('validation', rule);
  }
  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.getAttrs('validation');
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0][0];
  }
  clearDataValidations(): GRange {
    this.sheet.attr('validation').clearRect(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this.gas();
  }
  /**
   * Writes rich text: each cell becomes the value's text, taken literally (never parsed as a number, a
   * date or a formula), with its links. Every cell gets a value: there is no "leave this one" entry.
   */
  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): GRange {
    this.checkShape(values, 'RichTextValues');
    for (const row of values)
      for (const value of row)
        if (!(value instanceof FakeRichTextValue))
          throw this.rt.exception("The parameters (Object[][]) don't match the method signature for SpreadsheetApp.Range.setRichTextValues.");
    values.forEach((row, i) => {
      row.forEach((value, j) => {
        this.putRichText(this.row - 1 + i, this.column - 1 + j, value as unknown as FakeRichTextValue);
      });
    });
    return this.gas();
  }
  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): GRange {
    return this.setRichTextValues(Array.from({ length: this.numRows }, () => new Array(this.numColumns).fill(value)));
  }
  private putRichText(r: number, c: number, value: FakeRichTextValue): void {
    if (value.text.length > MAX_CELL_CHARS)
      throw this.rt.exception(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    this.sheet.values.set(r, c, value.text);
    this.sheet.formulas.set(r, c, '');
    this.sheet.attr('richText').set(r, c, value.links.length > 0 ? value : null);
  }
  /** A text cell's rich text (its links included); null for a cell that holds a number, a boolean or a date. */
  getRichTextValues(): Array<Array<GoogleAppsScript.Spreadsheet.RichTextValue | null>> {
    return this.map((r, c) => {
      const value = this.sheet.values.get(r, c);
      if (typeof value !== 'string' || this.sheet.formulas.get(r, c)) return null;
      const rich = this.sheet.attr('richText').get(r, c) as FakeRichTextValue | null;
      return (rich ?? new FakeRichTextValue(this.rt, value, [])).gas();
    });
  }
  getRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValue | null {
    return this.getRichTextValues()[0][0];
  }

  clearContent(): GRange {
    this.sheet.values.clearRect(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    this.sheet.formulas.clearRect(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    this.sheet.attr('richText').clearRect(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this.gas();
  }
  clearFormat(): GRange {
    for (const name of FORMAT_ATTRIBUTES) this.sheet.attr(name).clearRect(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this.gas();
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): GRange {
    if (!options?.formatOnly) this.clearContent();
    if (!options?.contentsOnly) this.clearFormat();
    return this.gas();
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getA1Notation(): string {
    return a1Of(this.row, this.column, this.numRows, this.numColumns);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.sheet.gas();
  }
  isBlank(): boolean {
    return this.map((r, c) => this.sheet.values.get(r, c) === '' && !this.sheet.formulas.get(r, c)).every((row) => row.every(Boolean));
  }
  activate(): GRange {
    return this.gas();
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return this.sheet.rangeAt(this.row + rowOffset, this.column + columnOffset, numRows ?? this.numRows, numColumns ?? this.numColumns).gas();
  }
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    if (this.sheet.filter) throw this.rt.exception("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = new FakeFilter(this.sheet, this);
    return this.sheet.filter.gas();
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.sheet.filter?.gas() ?? null;
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const protection = new FakeProtection(this.sheet, 'RANGE', this);
    this.sheet.protections.push(protection);
    return protection.gas();
  }
}
instrument(FakeRange, 'Range', API);

/** 'A1' for one cell, 'A1:C3' otherwise. */
export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  return numRows === 1 && numColumns === 1 ? start : `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
