// Fake Sheet: grids of values, formulas and formats with Sheets' dimensions, limits and sheet-level objects.

import { parseA1, type Scalar } from './cells';
import { type ChartSpec, FakeChartBuilder, type FakeEmbeddedChart } from './charts';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, MAX_METADATA_CHARS, metadataArguments } from './developer-metadata';
import { Grid } from './grid';
import { FakeRange } from './range';
import { instrument, type Runtime } from './runtime';
import { type FakeFilter, FakeProtection } from './sheet-parts';
import type { FakeSpreadsheet } from './spreadsheet';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

const API = [
  'getName',
  'getSheetName',
  'setName',
  'getIndex',
  'getSheetId',
  'getParent',
  'getDataRange',
  'getRange',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'getMaxColumns',
  'insertRowsAfter',
  'insertRowsBefore',
  'insertRows',
  'insertColumnsAfter',
  'deleteRows',
  'deleteColumns',
  'appendRow',
  'clear',
  'clearContents',
  'clearFormats',
  'clearNotes',
  'setFrozenRows',
  'getFrozenRows',
  'setFrozenColumns',
  'getFrozenColumns',
  'hideSheet',
  'showSheet',
  'isSheetHidden',
  'setColumnWidth',
  'setColumnWidths',
  'getColumnWidth',
  'hideColumns',
  'showColumns',
  'isColumnHiddenByUser',
  'autoResizeColumns',
  'autoResizeColumn',
  'setRowHeight',
  'getCharts',
  'insertChart',
  'updateChart',
  'removeChart',
  'newChart',
  'protect',
  'getProtections',
  'getConditionalFormatRules',
  'setConditionalFormatRules',
  'setTabColor',
  'getTabColor',
  'getFilter',
  'activate',
  'sort',
  'addDeveloperMetadata',
  'getDeveloperMetadata',
  'createDeveloperMetadataFinder',
] as const satisfies readonly (keyof GSheet)[];

/** One tab. Inspection helpers (not Apps Script API, not counted): `values`, `formulas`, `attr()`, `chartSpecs()`, `dump()`. */
export class FakeSheet implements Pick<GSheet, (typeof API)[number]> {
  readonly rt: Runtime;
  readonly values = new Grid<Scalar>('');
  readonly formulas = new Grid<string>('');
  private readonly attrs = new Map<string, Grid<unknown>>();
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  /** 1-based columns hidden with hideColumns. */
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  /** Columns passed to autoResizeColumns, in call order. */
  readonly autoResized: number[] = [];
  charts: FakeEmbeddedChart[] = [];
  protections: FakeProtection[] = [];
  conditionalFormatRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  filter: FakeFilter | null = null;
  /** Developer metadata located on this sheet (every project's; see visibleMetadata()). */
  metadata: FakeDeveloperMetadata[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {
    this.rt = spreadsheet.rt;
  }

  gas(): GSheet {
    return this as unknown as GSheet;
  }
  fakeScope(): string {
    return this.name;
  }

  /** The grid of one formatting attribute ('numberFormat', 'note', 'background', 'fontWeight', …); null = default. */
  attr(name: string): Grid<unknown> {
    let grid = this.attrs.get(name);
    if (!grid) {
      grid = new Grid<unknown>(null);
      this.attrs.set(name, grid);
    }
    return grid;
  }

  /** A range with Sheets' bounds checks (the same errors as getRange). */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    if (!Number.isInteger(row) || !Number.isInteger(column) || !Number.isInteger(numRows) || !Number.isInteger(numColumns)) {
      throw this.rt.exception(
        `The parameters (${[row, column, numRows, numColumns].map((v) => typeof v).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    if (row < 1) throw this.rt.exception('The starting row of the range is too small.');
    if (column < 1) throw this.rt.exception('The starting column of the range is too small.');
    if (numRows < 1) throw this.rt.exception('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.rt.exception('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw this.rt.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  /** Resolves A1 notation against this sheet's dimensions. */
  rangeA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) throw this.rt.exception('Range not found');
    const row = ref.row ?? 1;
    const column = ref.column ?? 1;
    const lastRow = ref.lastRow ?? this.maxRows;
    const lastColumn = ref.lastColumn ?? this.maxColumns;
    return this.rangeAt(Math.min(row, lastRow), Math.min(column, lastColumn), Math.abs(lastRow - row) + 1, Math.abs(lastColumn - column) + 1);
  }

  fullRange(): FakeRange {
    return new FakeRange(this, 1, 1, this.maxRows, this.maxColumns);
  }
  private lastRowIndex(): number {
    return Math.max(this.values.extentRows(), this.formulas.extentRows());
  }
  private lastColumnIndex(): number {
    return Math.max(this.values.extentColumns(), this.formulas.extentColumns());
  }
  private allGrids(): Grid<unknown>[] {
    return [this.values, this.formulas, ...this.attrs.values()] as Grid<unknown>[];
  }

  /** Sorts a block of rows by one column (used by Filter.sort and Sheet.sort). */
  sortRows(row: number, column: number, numRows: number, numColumns: number, byColumn: number, ascending: boolean): void {
    if (numRows < 2) return;
    const grids = this.allGrids();
    const rows = Array.from({ length: numRows }, (_, i) => grids.map((g) => Array.from({ length: numColumns }, (_, j) => g.get(row - 1 + i, column - 1 + j))));
    const key = byColumn - column;
    const cmp = (a: unknown, b: unknown): number => {
      if (a === b) return 0;
      if (a === '') return 1;
      if (b === '') return -1;
      if (typeof a === typeof b) return (a as number) < (b as number) ? -1 : 1;
      return typeof a === 'number' ? -1 : 1;
    };
    rows.sort((a, b) => (ascending ? 1 : -1) * cmp(a[0][key], b[0][key]));
    rows.forEach((cells, i) => {
      grids.forEach((g, k) => {
        cells[k].forEach((v, j) => {
          g.set(row - 1 + i, column - 1 + j, v);
        });
      });
    });
  }

  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): GSheet {
    if (name !== this.name) this.spreadsheet.checkSheetName(name);
    this.name = name;
    return this.gas();
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.spreadsheet.gas();
  }
  getDataRange(): GRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRowIndex()), Math.max(1, this.lastColumnIndex())).gas();
  }
  /** getRange(row, column, numRows?, numColumns?) or getRange('A1:C3'). */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string') return this.rangeA1(a).gas();
    return this.rangeAt(a, column as number, numRows ?? 1, numColumns ?? 1).gas();
  }
  getLastRow(): number {
    return this.lastRowIndex();
  }
  getLastColumn(): number {
    return this.lastColumnIndex();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }

  private growRows(at: number, howMany: number): void {
    if (!(howMany >= 1) || at < 0 || at > this.maxRows) throw this.rt.exception('Those rows are out of bounds.');
    this.spreadsheet.checkCellLimit(howMany * this.maxColumns);
    for (const g of this.allGrids()) g.spliceRows(at, 0, howMany);
    this.maxRows += howMany;
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.growRows(afterPosition, howMany);
    return this.gas();
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this.growRows(beforePosition - 1, howMany);
    return this.gas();
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this.growRows(rowIndex - 1, numRows ?? 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (!(howMany >= 1) || afterPosition < 0 || afterPosition > this.maxColumns) throw this.rt.exception('Those columns are out of bounds.');
    this.spreadsheet.checkCellLimit(howMany * this.maxRows);
    for (const g of this.allGrids()) g.spliceColumns(afterPosition, 0, howMany);
    this.maxColumns += howMany;
    return this.gas();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) throw this.rt.exception('Those rows are out of bounds.');
    if (howMany >= this.maxRows - this.frozenRows) throw this.rt.exception('Sorry, it is not possible to delete all non-frozen rows.');
    for (const g of this.allGrids()) g.spliceRows(rowPosition - 1, howMany, 0);
    this.maxRows -= howMany;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) throw this.rt.exception('Those columns are out of bounds.');
    if (howMany >= this.maxColumns - this.frozenColumns) throw this.rt.exception('Sorry, it is not possible to delete all non-frozen columns.');
    for (const g of this.allGrids()) g.spliceColumns(columnPosition - 1, howMany, 0);
    this.maxColumns -= howMany;
  }
  /** Writes after the last row, growing the sheet (and its columns) when needed. */
  appendRow(rowContents: any[]): GSheet {
    const row = this.lastRowIndex() + 1;
    if (row > this.maxRows) this.growRows(this.maxRows, 1);
    if (rowContents.length > this.maxColumns) this.insertColumnsAfter(this.maxColumns, rowContents.length - this.maxColumns);
    new FakeRange(this, row, 1, 1, rowContents.length).setValues([rowContents]);
    return this.gas();
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    if (!options?.formatOnly) this.clearContentsImpl();
    if (!options?.contentsOnly) for (const [name, g] of this.attrs) if (name !== 'note' && name !== 'validation') g.clearAll();
    return this.gas();
  }
  private clearContentsImpl(): void {
    this.values.clearAll();
    this.formulas.clearAll();
    this.attr('richText').clearAll();
  }
  clearContents(): GSheet {
    this.clearContentsImpl();
    return this.gas();
  }
  clearFormats(): GSheet {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): GSheet {
    this.attr('note').clearAll();
    return this.gas();
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.maxRows) throw this.rt.exception(`Sorry, it is not possible to freeze ${rows} rows.`);
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  hideSheet(): GSheet {
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) throw this.rt.exception("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this.gas();
  }
  showSheet(): GSheet {
    this.hidden = false;
    return this.gas();
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.columnWidths.set(columnPosition, width);
    return this.gas();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this.gas();
  }
  /** Column arguments past the grid (or an empty run) throw, as Sheets does. */
  private checkColumns(startColumn: number, numColumns: number): void {
    if (!Number.isInteger(startColumn) || !Number.isInteger(numColumns) || startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.maxColumns)
      throw this.rt.exception('Those columns are out of bounds.');
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.has(columnPosition);
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.autoResized.push(c);
    return this.gas();
  }
  autoResizeColumn(columnPosition: number): GSheet {
    this.autoResized.push(columnPosition);
    return this.gas();
  }
  setRowHeight(rowPosition: number, height: number): GSheet {
    this.rowHeights.set(rowPosition, height);
    return this.gas();
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((c) => c.gas());
  }
  /**
   * The sheet keeps its own copy with a new id: getChartId() is "unique across the spreadsheet containing
   * the chart or null if the chart is not in a spreadsheet", so the built chart handed in stays null
   * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getChartId()).
   */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = chart as unknown as FakeEmbeddedChart;
    this.charts.push(fake.placedAs(this, this.spreadsheet.allocateChartId()));
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = chart as unknown as FakeEmbeddedChart;
    const i = this.charts.findIndex((c) => c.state.chartId === fake.state.chartId && fake.state.chartId !== null);
    if (i < 0) throw this.rt.exception('The chart does not exist on this sheet.');
    this.charts[i] = fake;
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const id = (chart as unknown as FakeEmbeddedChart).state.chartId;
    this.charts = this.charts.filter((c) => c.state.chartId !== id);
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeChartBuilder(this).gas();
  }

  /** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility): sheet-level, an id unique in the spreadsheet. */
  addDeveloperMetadata(key: string, second?: unknown, third?: unknown): GSheet {
    const parsed = metadataArguments(this.rt, key, second, third);
    const item = new FakeDeveloperMetadata(
      this,
      this.spreadsheet.allocateMetadataId(),
      parsed.key,
      parsed.value,
      parsed.visibility,
      this.spreadsheet.app.scriptProject,
    );
    this.checkMetadataSize(item.size());
    this.metadata.push(item);
    return this.gas();
  }
  /** The sheet's metadata this script project may see (another project's PROJECT-visible entries are hidden). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.visibleMetadata().map((item) => item.gas());
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this.rt, this).gas();
  }
  visibleMetadata(): FakeDeveloperMetadata[] {
    const project = this.spreadsheet.app.scriptProject;
    return this.metadata.filter((item) => item.visibility.name === 'DOCUMENT' || item.project === project);
  }
  /** Throws as Sheets does when `extra` more characters would pass the sheet's 30,000 (every project's entries count). */
  checkMetadataSize(extra: number): void {
    const size = this.metadata.reduce((total, item) => total + item.size(), 0) + extra;
    if (size > MAX_METADATA_CHARS)
      throw this.rt.exception(`Developer metadata on sheet "${this.name}" would reach ${size} characters; the limit is ${MAX_METADATA_CHARS} per sheet.`);
  }
  /** Returns the existing sheet protection when there is one, as Sheets does. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    let p = this.protections.find((x) => x.type === 'SHEET');
    if (!p) {
      p = new FakeProtection(this, 'SHEET', null);
      this.protections.push(p);
    }
    return p.gas();
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.protections.filter((p) => p.type === String(type)).map((p) => p.gas());
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return [...this.conditionalFormatRules];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.conditionalFormatRules = [...rules];
  }
  setTabColor(color: string | null): GSheet {
    this.tabColor = color;
    return this.gas();
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.filter?.gas() ?? null;
  }
  activate(): GSheet {
    this.spreadsheet.active = this;
    return this.gas();
  }
  sort(columnPosition: number, ascending = true): GSheet {
    const first = this.frozenRows + 1;
    this.sortRows(first, 1, this.lastRowIndex() - first + 1, Math.max(1, this.lastColumnIndex()), columnPosition, ascending);
    return this.gas();
  }

  /** The link a cell (0-based) opens, from its rich text; null for none (inspection). */
  linkAt(row: number, column: number): string | null {
    const rich = this.attr('richText').get(row, column) as { getLinkUrl(): string | null } | null;
    return rich?.getLinkUrl() ?? null;
  }

  /** Recorded chart specs (inspection). */
  chartSpecs(): ChartSpec[] {
    return this.charts.map((c) => c.spec);
  }
  /** The data range's values as getValues returns them, without counting a call (inspection). */
  dump(): unknown[][] {
    const rows = this.lastRowIndex();
    if (rows === 0) return [];
    return this.rt.quietly(() => new FakeRange(this, 1, 1, rows, this.lastColumnIndex()).getValues());
  }
}
instrument(FakeSheet, 'Sheet', API);
