// Fake SpreadsheetApp and Spreadsheet: a registry of in-memory spreadsheets with Sheets' limits and errors.

import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder, FakeRichTextValueBuilder } from './cell-rules';
import { DEVELOPER_METADATA_LOCATION_TYPE, DEVELOPER_METADATA_VISIBILITY, type FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './developer-metadata';
import { enumOf, instrument, Runtime } from './runtime';
import { FakeSheet } from './sheet';
import { recordingBuilder } from './sheet-parts';
import { FakeUi } from './ui';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** Sheets' workbook limit, all tabs together. */
export const MAX_CELLS = 10_000_000;
export const MAX_SHEET_NAME = 100;

/** Evaluates a formula for getValues; the default returns '#FORMULA'. */
export type FormulaEvaluator = (formula: string, sheet: GSheet, row: number, column: number) => unknown;

const SS_API = [
  'getId',
  'getName',
  'rename',
  'getSheets',
  'getSheetByName',
  'getSheetById',
  'getNumSheets',
  'insertSheet',
  'deleteSheet',
  'getSpreadsheetTimeZone',
  'setSpreadsheetTimeZone',
  'getSpreadsheetLocale',
  'setSpreadsheetLocale',
  'toast',
  'setActiveSheet',
  'getActiveSheet',
  'getUrl',
  'moveActiveSheet',
  'getRange',
  'createDeveloperMetadataFinder',
] as const satisfies readonly (keyof GSpreadsheet)[];

/** A recorded toast. */
export interface ToastRecord {
  msg: string;
  title: string;
  timeoutSeconds: number | null;
  at: number;
}

/** One spreadsheet. Inspection helpers: `sheet(name)`, `toasts`, `totalCells()`. */
export class FakeSpreadsheet implements Pick<GSpreadsheet, (typeof SS_API)[number]> {
  readonly rt: Runtime;
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  readonly toasts: ToastRecord[] = [];
  private nextSheetId = 0;
  private nextChartId = 1;
  private nextMetadataId = 1;

  constructor(
    readonly app: FakeSpreadsheetApp,
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
  ) {
    this.rt = app.rt;
    this.active = this.addSheet('Página1', 0);
  }
  gas(): GSpreadsheet {
    return this as unknown as GSpreadsheet;
  }

  /** The fake sheet named `name` (throws when missing) — for assertions and setup. */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`FakeSpreadsheet: no sheet named "${name}" (have: ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }
  /** Cells allocated across all tabs (what the 10M limit counts). */
  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }
  checkCellLimit(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS)
      throw this.rt.exception(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
  }
  checkSheetName(name: string): void {
    if (name.length > MAX_SHEET_NAME) throw this.rt.exception(`The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
    if (name.trim() === '') throw this.rt.exception('The sheet name cannot be empty.');
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw this.rt.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  /** Chart ids are "unique across the spreadsheet" (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getChartId()). */
  allocateChartId(): number {
    return this.nextChartId++;
  }
  /** Metadata ids are "spreadsheet-scoped unique" and positive (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata). */
  allocateMetadataId(): number {
    return this.nextMetadataId++;
  }
  evaluateFormula(formula: string, sheet: GSheet, row: number, column: number): unknown {
    return this.app.formulaEvaluator ? this.app.formulaEvaluator(formula, sheet, row, column) : '#FORMULA';
  }
  /** Adds a sheet without counting a call (setup). */
  addSheet(name: string, index = this.sheets.length, rows = 1000, columns = 26): FakeSheet {
    this.checkSheetName(name);
    this.checkCellLimit(rows * columns);
    const sheet = new FakeSheet(this, name, this.nextSheetId++, rows, columns);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = newName;
  }
  getSheets(): GSheet[] {
    return this.sheets.map((s) => s.gas());
  }
  getSheetByName(name: string): GSheet | null {
    return this.sheets.find((s) => s.name === name)?.gas() ?? null;
  }
  getSheetById(id: number): GSheet | null {
    return this.sheets.find((s) => s.id === id)?.gas() ?? null;
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  /** insertSheet(), (index), (name), (name, index) — index 0-based; the new sheet becomes active. */
  insertSheet(a?: string | number | { template?: GSheet }, b?: number | { template?: GSheet }): GSheet {
    if ((typeof a === 'object' && a?.template) || (typeof b === 'object' && b?.template))
      throw new Error('FakeSpreadsheet.insertSheet: templates are not supported');
    let name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : this.sheets.length;
    if (name === undefined)
      for (let n = this.sheets.length + 1; ; n++)
        if (!this.sheets.some((s) => s.name === `Página${n}`)) {
          name = `Página${n}`;
          break;
        }
    this.active = this.addSheet(name, index);
    return this.active.gas();
  }
  deleteSheet(sheet: GSheet): void {
    const fake = sheet as unknown as FakeSheet;
    if (!this.sheets.includes(fake)) throw this.rt.exception('Sheet not found in this spreadsheet.');
    if (this.sheets.length === 1) throw this.rt.exception("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== fake);
    if (this.active === fake) this.active = this.sheets[0];
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.toasts.push({ msg: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? null, at: this.rt.time.now() });
  }
  setActiveSheet(sheet: GSheet): GSheet {
    this.active = sheet as unknown as FakeSheet;
    return sheet;
  }
  getActiveSheet(): GSheet {
    return this.active.gas();
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  /** Moves the active sheet to 1-based position `pos`. */
  moveActiveSheet(pos: number): void {
    if (pos < 1 || pos > this.sheets.length) throw this.rt.exception(`The sheet position ${pos} is out of range.`);
    this.sheets = this.sheets.filter((s) => s !== this.active);
    this.sheets.splice(pos - 1, 0, this.active);
  }
  /** A finder over every sheet's metadata (a deleted sheet's metadata went with it). */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const scope = { visibleMetadata: (): FakeDeveloperMetadata[] => this.sheets.flatMap((sheet) => sheet.visibleMetadata()), fakeScope: () => this.name };
    return new FakeDeveloperMetadataFinder(this.rt, scope).gas();
  }
  /** getRange("'Sheet name'!A1:C3"); without a sheet name, the active sheet. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    const bang = a1Notation.lastIndexOf('!');
    const sheetName =
      bang >= 0
        ? a1Notation
            .slice(0, bang)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'")
        : null;
    const sheet = sheetName === null ? this.active : this.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw this.rt.exception('Range not found');
    return sheet.rangeA1(bang >= 0 ? a1Notation.slice(bang + 1) : a1Notation).gas();
  }
}
instrument(FakeSpreadsheet, 'Spreadsheet', SS_API);

const APP_API = [
  'getActiveSpreadsheet',
  'getActive',
  'getActiveSheet',
  'getUi',
  'openById',
  'openByUrl',
  'create',
  'flush',
  'setActiveSpreadsheet',
  'setActiveSheet',
  'newConditionalFormatRule',
  'newDataValidation',
  'newFilterCriteria',
  'newTextStyle',
  'newRichTextValue',
] as const satisfies readonly (keyof GApp)[];

/** Options of `createSpreadsheetApp`. */
export interface SpreadsheetAppOptions {
  runtime?: Runtime;
  /** Name of the active (bound) spreadsheet; default 'Cademi Progress Monitor'. Pass null for a standalone script. */
  name?: string | null;
  timeZone?: string;
  locale?: string;
}

/** The `SpreadsheetApp` global. Inspection: `active`, `ui`, `registry`, `uiAvailable`, `formulaEvaluator`, `createSpreadsheet()`. */
export class FakeSpreadsheetApp implements Pick<GApp, (typeof APP_API)[number]> {
  readonly rt: Runtime;
  readonly ui: FakeUi;
  readonly registry = new Map<string, FakeSpreadsheet>();
  active: FakeSpreadsheet | null = null;
  /** False in trigger contexts: getUi() then throws like Apps Script. */
  uiAvailable = true;
  formulaEvaluator: FormulaEvaluator | null = null;
  readonly timeZone: string;
  readonly locale: string;
  private nextId = 1;
  readonly ProtectionType = enumOf('RANGE', 'SHEET') as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP') as unknown as typeof GoogleAppsScript.Spreadsheet.WrapStrategy;
  readonly BorderStyle = enumOf(
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  ) as unknown as typeof GoogleAppsScript.Spreadsheet.BorderStyle;
  readonly Dimension = enumOf('COLUMNS', 'ROWS') as unknown as typeof GoogleAppsScript.Spreadsheet.Dimension;
  readonly InterpolationType = enumOf('NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX') as unknown as typeof GoogleAppsScript.Spreadsheet.InterpolationType;
  readonly SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE') as unknown as typeof GoogleAppsScript.Spreadsheet.SheetType;
  readonly BooleanCriteria = enumOf(
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'NUMBER_LESS_THAN',
    'NUMBER_GREATER_THAN',
    'NUMBER_BETWEEN',
    'TEXT_CONTAINS',
    'TEXT_EQUAL_TO',
    'CUSTOM_FORMULA',
  ) as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;
  readonly DeveloperMetadataVisibility = DEVELOPER_METADATA_VISIBILITY as unknown as typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DEVELOPER_METADATA_LOCATION_TYPE as unknown as typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  /** The script project calling (PROJECT-visible developer metadata is seen only by the project that created it). */
  scriptProject = 'this-script-project';
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly ValueType = enumOf('IGNORE', 'NUMBER', 'STRING', 'DATE', 'BOOLEAN', 'IMAGE') as unknown as typeof GoogleAppsScript.Spreadsheet.ValueType;

  constructor(options: SpreadsheetAppOptions = {}) {
    this.rt = options.runtime ?? new Runtime();
    this.ui = new FakeUi(this.rt);
    this.timeZone = options.timeZone ?? 'America/Sao_Paulo';
    this.locale = options.locale ?? 'pt_BR';
    if (options.name !== null) this.active = this.createSpreadsheet(options.name ?? 'Cademi Progress Monitor');
  }
  gas(): GApp {
    return this as unknown as GApp;
  }

  /** Creates and registers a spreadsheet without counting a call (setup). */
  createSpreadsheet(name: string, id = `fake-spreadsheet-${this.nextId++}`): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(this, id, name, this.timeZone, this.locale);
    this.registry.set(id, ss);
    return ss;
  }

  getActiveSpreadsheet(): GSpreadsheet {
    return this.active?.gas() ?? (null as unknown as GSpreadsheet);
  }
  getActive(): GSpreadsheet {
    return this.getActiveSpreadsheetImpl();
  }
  private getActiveSpreadsheetImpl(): GSpreadsheet {
    return this.active?.gas() ?? (null as unknown as GSpreadsheet);
  }
  getActiveSheet(): GSheet {
    return this.active?.active.gas() ?? (null as unknown as GSheet);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.uiAvailable) throw this.rt.exception('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui.gas();
  }
  openById(id: string): GSpreadsheet {
    const ss = this.registry.get(id);
    if (!ss) throw this.rt.exception(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return ss.gas();
  }
  openByUrl(url: string): GSpreadsheet {
    const m = /\/d\/([^/]+)/.exec(url);
    const ss = m ? this.registry.get(m[1]) : undefined;
    if (!ss) throw this.rt.exception(`Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`);
    return ss.gas();
  }
  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    const ss = this.createSpreadsheet(name);
    if (rows !== undefined) ss.sheets[0].maxRows = rows;
    if (columns !== undefined) ss.sheets[0].maxColumns = columns;
    return ss.gas();
  }
  flush(): void {}
  setActiveSpreadsheet(newActiveSpreadsheet: GSpreadsheet): void {
    this.active = newActiveSpreadsheet as unknown as FakeSpreadsheet;
  }
  setActiveSheet(sheet: GSheet): GSheet {
    if (this.active) this.active.active = sheet as unknown as import('./sheet').FakeSheet;
    return sheet;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return recordingBuilder('conditionalFormatRule');
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new FakeDataValidationBuilder(this.rt).gas();
  }
  newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    return recordingBuilder('filterCriteria');
  }
  newTextStyle(): GoogleAppsScript.Spreadsheet.TextStyleBuilder {
    return recordingBuilder('textStyle');
  }
  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    return new FakeRichTextValueBuilder(this.rt).gas();
  }
}
instrument(FakeSpreadsheetApp, 'SpreadsheetApp', APP_API);

/** Creates the `SpreadsheetApp` fake (with an active spreadsheet unless `name: null`). */
export function createSpreadsheetApp(options: SpreadsheetAppOptions = {}): FakeSpreadsheetApp {
  return new FakeSpreadsheetApp(options);
}
