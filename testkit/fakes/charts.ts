// Embedded charts as data: a builder recording type, ranges, options and position; the Charts enums.

import type { FakeRange } from './range';
import { enumOf } from './runtime';
import type { FakeSheet } from './sheet';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** `Charts` global subset: the enums code passes to chart builders. */
export const FAKE_CHARTS = {
  ChartType: enumOf(
    'TIMELINE',
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TREEMAP',
    'WATERFALL',
  ),
  Position: enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE'),
  CurveStyle: enumOf('NORMAL', 'SMOOTH'),
  PointStyle: enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'),
  ChartMergeStrategy: enumOf('MERGE_COLUMNS', 'MERGE_ROWS'),
  ChartHiddenDimensionStrategy: enumOf('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'),
};

/** A chart's recorded content, for assertions. */
export interface ChartSpec {
  chartId: number | null;
  type: string | null;
  /** A1 notations of the data ranges, prefixed with the sheet name ("Turma A!A1:C9"). */
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string | null;
  hiddenDimensionStrategy: string | null;
}

interface ChartState {
  chartId: number | null;
  type: string | null;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  position: ChartSpec['position'];
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string | null;
  hiddenDimensionStrategy: string | null;
}

function copyState(s: ChartState): ChartState {
  return { ...s, ranges: [...s.ranges], options: { ...s.options }, position: { ...s.position } };
}

/** A built chart (immutable; `modify()` returns a builder over a copy). */
export class FakeEmbeddedChart
  implements
    Pick<
      GChart,
      'getChartId' | 'getContainerInfo' | 'getOptions' | 'getRanges' | 'modify' | 'getNumHeaders' | 'getTransposeRowsAndColumns' | 'getHiddenDimensionStrategy'
    >
{
  constructor(
    readonly sheet: FakeSheet,
    readonly state: ChartState,
  ) {}
  gas(): GChart {
    return this as unknown as GChart;
  }
  /** The chart as plain data. */
  get spec(): ChartSpec {
    const s = this.state;
    return { ...copyState(s), ranges: s.ranges.map((r) => `${r.sheet.name}!${r.getA1Notation()}`) };
  }
  getChartId(): number | null {
    return this.state.chartId;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this.state.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return { get: (option: string) => this.state.options[option] ?? null };
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.state.ranges.map((r) => r.gas());
  }
  getNumHeaders(): number {
    return this.state.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.state.transpose;
  }
  /** Null until a strategy is set (Sheets' default, IGNORE_BOTH, is then in effect). */
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return this.state.hiddenDimensionStrategy as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }
  modify(): GBuilder {
    return new FakeChartBuilder(this.sheet, copyState(this.state)).gas();
  }
  /** The copy a sheet keeps when this chart is inserted into it, with its new id. */
  placedAs(sheet: FakeSheet, chartId: number): FakeEmbeddedChart {
    return new FakeEmbeddedChart(sheet, { ...copyState(this.state), chartId });
  }
}

const TYPED: Record<string, string> = {
  asAreaChart: 'AREA',
  asBarChart: 'BAR',
  asColumnChart: 'COLUMN',
  asComboChart: 'COMBO',
  asHistogramChart: 'HISTOGRAM',
  asLineChart: 'LINE',
  asPieChart: 'PIE',
  asScatterChart: 'SCATTER',
  asTableChart: 'TABLE',
};

/**
 * `sheet.newChart()`: records everything as data. The typed builders' conveniences map to options:
 * setTitle → 'title', setXAxisTitle → 'hAxis.title', setYAxisTitle → 'vAxis.title', setColors → 'colors',
 * setStacked → 'isStacked', setLegendPosition → 'legend.position', setRange → 'vAxis.viewWindow.min/max'.
 */
export class FakeChartBuilder
  implements
    Pick<
      GBuilder,
      | 'addRange'
      | 'build'
      | 'clearRanges'
      | 'getChartType'
      | 'getContainer'
      | 'getRanges'
      | 'removeRange'
      | 'setChartType'
      | 'setOption'
      | 'setPosition'
      | 'setNumHeaders'
      | 'setTransposeRowsAndColumns'
      | 'setMergeStrategy'
      | 'setHiddenDimensionStrategy'
    >
{
  constructor(
    readonly sheet: FakeSheet,
    readonly state: ChartState = {
      chartId: null,
      type: null,
      ranges: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
      mergeStrategy: null,
      hiddenDimensionStrategy: null,
    },
  ) {
    for (const [method, type] of Object.entries(TYPED))
      (this as any)[method] = () => {
        this.state.type = type;
        return this;
      };
  }
  gas(): GBuilder {
    return this as unknown as GBuilder;
  }
  private opt(key: string, value: unknown): any {
    this.state.options[key] = value;
    return this;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    this.state.ranges.push(range as unknown as FakeRange);
    return this.gas();
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    const a1 = range.getA1Notation();
    this.state.ranges = this.state.ranges.filter((r) => r.getA1Notation() !== a1);
    return this.gas();
  }
  clearRanges(): GBuilder {
    this.state.ranges = [];
    return this.gas();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.state.ranges.map((r) => r.gas());
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.state.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GBuilder {
    this.state.type = String(type);
    return this.gas();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new FakeEmbeddedChart(this.sheet, this.state).getContainerInfo();
  }
  setOption(option: string, value: any): GBuilder {
    return this.opt(option, value);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.gas();
  }
  setNumHeaders(headers: number): GBuilder {
    this.state.numHeaders = headers;
    return this.gas();
  }
  setTransposeRowsAndColumns(transpose: boolean): GBuilder {
    this.state.transpose = transpose;
    return this.gas();
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GBuilder {
    this.state.mergeStrategy = String(mergeStrategy);
    return this.gas();
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GBuilder {
    this.state.hiddenDimensionStrategy = String(strategy);
    return this.gas();
  }
  // Conveniences of the typed builders (EmbeddedLineChartBuilder etc.).
  setTitle(title: string): any {
    return this.opt('title', title);
  }
  setXAxisTitle(title: string): any {
    return this.opt('hAxis.title', title);
  }
  setYAxisTitle(title: string): any {
    return this.opt('vAxis.title', title);
  }
  setColors(cssValues: string[]): any {
    return this.opt('colors', [...cssValues]);
  }
  setStacked(): any {
    return this.opt('isStacked', true);
  }
  setLegendPosition(position: GoogleAppsScript.Charts.Position): any {
    return this.opt('legend.position', String(position));
  }
  setBackgroundColor(cssValue: string): any {
    return this.opt('backgroundColor', cssValue);
  }
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): any {
    return this.opt('curveType', String(style));
  }
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): any {
    return this.opt('pointStyle', String(style));
  }
  setDimensions(width: number, height: number): any {
    this.opt('width', width);
    return this.opt('height', height);
  }
  setRange(start: number, end: number): any {
    this.opt('vAxis.viewWindow.min', start);
    return this.opt('vAxis.viewWindow.max', end);
  }
  reverseCategories(): any {
    return this.opt('reverseCategories', true);
  }
  useLogScale(): any {
    return this.opt('vAxis.logScale', true);
  }
  build(): GChart {
    return new FakeEmbeddedChart(this.sheet, copyState(this.state)).gas();
  }
}
