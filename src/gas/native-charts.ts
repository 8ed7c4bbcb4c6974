// A sheet's native charts, found by identity: each chart's id is recorded in the sheet's developer metadata under its spec id.

import { CHART_SIZE_PX } from '../core/workbook/chart-frame';
import type { ChartSpec } from '../core/workbook/sheet-specs';
import { DOCUMENT_KEY } from './property-keys';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/**
 * Key of a chart record on its sheet, `cademi.chart.<spec id>`. Its value is the chart's id
 * (EmbeddedChart.getChartId: "a stable identifier for the chart that is unique across the spreadsheet",
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getChartId()), or, while
 * the chart is being inserted, `pending:` and the ids of the charts already on the sheet.
 * Records are document-visible (the default of Sheet.addDeveloperMetadata(key, value)), so the dev and
 * prod script projects both see them; a few dozen characters each, far under the 30,000 a sheet may
 * hold (https://developers.google.com/sheets/api/guides/metadata).
 */
export const CHART_RECORD_PREFIX = 'cademi.chart.';
/** Written once a placement on the sheet has completed; before it, the previous version's charts (matched by title) may be adopted. */
const CHART_LEDGER_KEY = DOCUMENT_KEY.chartLedger;
const LEDGER_VERSION = 'v1';
const PENDING = 'pending:';

type RecordState =
  | { readonly kind: 'placed'; readonly chartId: string }
  | { readonly kind: 'pending'; readonly before: ReadonlySet<string> }
  | { readonly kind: 'unreadable' };

interface ChartRecord {
  readonly specId: string;
  readonly state: RecordState;
  readonly entry: DeveloperMetadata;
}

interface Ledger {
  readonly records: readonly ChartRecord[];
  /** null on a sheet no placement has completed on yet (new, or last written by the previous version). */
  readonly marker: DeveloperMetadata | null;
}

/** A spec's chart found on the sheet, and the record that found it. */
interface Owned {
  readonly chartId: string;
  readonly record: ChartRecord;
}

/** Parses a record's value where it enters; anything else (edited by hand) is unreadable and points at no chart. */
function recordState(value: string): RecordState {
  if (/^\d+$/.test(value)) return { kind: 'placed', chartId: value };
  if (value.startsWith(PENDING) && /^[\d,]*$/.test(value.slice(PENDING.length))) {
    return {
      kind: 'pending',
      before: new Set(
        value
          .slice(PENDING.length)
          .split(',')
          .filter((id) => id !== ''),
      ),
    };
  }
  return { kind: 'unreadable' };
}

/** The sheet's chart records and ledger marker, from one read of its metadata. */
function readLedger(sheet: Sheet): Ledger {
  const records: ChartRecord[] = [];
  let marker: DeveloperMetadata | null = null;
  for (const entry of sheet.getDeveloperMetadata()) {
    const key = entry.getKey();
    if (key === CHART_LEDGER_KEY) marker = entry;
    else if (key.startsWith(CHART_RECORD_PREFIX))
      records.push({ specId: key.slice(CHART_RECORD_PREFIX.length), state: recordState(entry.getValue() ?? ''), entry });
  }
  return { records, marker };
}

function chartIdOf(chart: EmbeddedChart): string | null {
  const id = chart.getChartId();
  return id === null || id === undefined ? null : String(id);
}

function assertUniqueSpecIds(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.id)) throw new Error(`Two charts for sheet "${sheet.getName()}" share the id "${spec.id}": chart ids must be unique per sheet`);
    seen.add(spec.id);
  }
}

/**
 * Which live chart each record stands for. A placed record names its chart. A pending record is an
 * insertion the execution may not have finished: its chart is the one on the sheet that is neither in
 * its `before` list nor anyone's; records with the longest list go first, so consecutive insertions of
 * one killed run get back their own charts.
 */
function claimCharts(ledger: Ledger, charts: ReadonlyMap<string, EmbeddedChart>): { owned: Map<string, Owned>; leftovers: ChartRecord[]; ours: Set<string> } {
  const owned = new Map<string, Owned>();
  const leftovers: ChartRecord[] = [];
  const claimed = new Set<string>();
  const claim = (record: ChartRecord, chartId: string | undefined): void => {
    if (chartId === undefined || claimed.has(chartId) || owned.has(record.specId)) leftovers.push(record);
    else {
      owned.set(record.specId, { chartId, record });
      claimed.add(chartId);
    }
  };
  const pending: { record: ChartRecord; before: ReadonlySet<string> }[] = [];
  // Every live chart a placed record names is ours, even a duplicate's: no pending record may take it.
  const ours = new Set<string>();
  for (const record of ledger.records) if (record.state.kind === 'placed' && charts.has(record.state.chartId)) ours.add(record.state.chartId);
  for (const record of ledger.records) {
    const state = record.state;
    if (state.kind === 'placed') claim(record, charts.has(state.chartId) ? state.chartId : undefined);
    else if (state.kind === 'pending') pending.push({ record, before: state.before });
    else leftovers.push(record);
  }
  for (const { record, before } of pending.sort((a, b) => b.before.size - a.before.size)) {
    const chartId = [...charts.keys()].find((id) => !ours.has(id) && !before.has(id));
    if (chartId !== undefined) ours.add(chartId);
    claim(record, chartId);
  }
  return { owned, leftovers, ours };
}

/**
 * On a sheet the previous version wrote: the chart it placed for `spec`, by title, else at the spec's
 * anchor cell (a title reworded since). That version removed every chart whose title no spec had, so
 * an unrecorded chart there is its own, or one added since its last run.
 */
function previousVersionChart(charts: ReadonlyMap<string, EmbeddedChart>, ours: ReadonlySet<string>, spec: ChartSpec): EmbeddedChart | undefined {
  const candidates = [...charts].filter(([id]) => !ours.has(id)).map(([, chart]) => chart);
  const anchored = (chart: EmbeddedChart): boolean => {
    const container = chart.getContainerInfo();
    return container.getAnchorRow() === spec.position.row + 1 && container.getAnchorColumn() === spec.position.column + 1;
  };
  return candidates.find((chart) => String(chart.getOptions().get('title') ?? '') === spec.title) ?? candidates.find(anchored);
}

/**
 * Builds the chart of `spec`. Its data may sit in hidden columns (`Resumo` keeps its block out of
 * sight), which Sheets' charts skip by default ("IGNORE_BOTH: Default; charts skips any hidden columns
 * and hidden rows", https://developers.google.com/apps-script/reference/charts/chart-hidden-dimension-strategy):
 * SHOW_BOTH draws them. A chart's range holds only its own block, so nothing else is drawn by it.
 * Its size is the one the sheet's layout keeps rows for (chart-frame.ts), as the .xlsx's pictures have.
 */
function configure(builder: EmbeddedChartBuilder, sheet: Sheet, spec: ChartSpec): EmbeddedChartBuilder {
  const { row, column, rows, columns } = dataRangeOf(spec);
  let configured = builder
    .setChartType(chartTypeOf(spec))
    .clearRanges()
    .addRange(sheet.getRange(row, column, rows, columns))
    .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
    .setNumHeaders(1)
    .setPosition(spec.position.row + 1, spec.position.column + 1, 0, 0);
  for (const [option, value] of Object.entries(optionsOf(spec))) configured = configured.setOption(option, value);
  return configured;
}

function chartTypeOf(spec: ChartSpec): GoogleAppsScript.Charts.ChartType {
  return spec.kind === 'line' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN;
}

/** The spec's data block as 1-based sheet coordinates (never empty: a range needs a cell). */
function dataRangeOf(spec: ChartSpec): { row: number; column: number; rows: number; columns: number } {
  return { row: spec.range.row + 1, column: spec.range.column + 1, rows: Math.max(1, spec.range.rows), columns: Math.max(1, spec.range.columns) };
}

/** Every option `configure` sets, by name. */
function optionsOf(spec: ChartSpec): Record<string, unknown> {
  return {
    title: spec.title,
    'hAxis.title': spec.xTitle,
    'vAxis.title': spec.yTitle,
    isStacked: spec.kind === 'stacked-column',
    width: CHART_SIZE_PX.width,
    height: CHART_SIZE_PX.height,
    series: Object.fromEntries(
      spec.series.map((series, index) => [index, { ...(series.color ? { color: series.color } : {}), ...(series.dashed ? { lineDashStyle: [6, 4] } : {}) }]),
    ),
  };
}

/**
 * Whether the live chart already is what `configure` would make of `spec`: type, its one range,
 * headers, hidden-dimension strategy, anchor and every option. A chart whose data block did not move
 * (the distribution's ten buckets, `Resumo`'s cohorts) needs no updateChart — the costliest call of a
 * report — since a chart reads its range live. Anything Sheets reads back differently from how it was
 * set compares unequal, so the worst a mismatch costs is the update made before; a chart edited by hand
 * is put back.
 */
function chartMatches(chart: EmbeddedChart, sheet: Sheet, spec: ChartSpec): boolean {
  const expected = dataRangeOf(spec);
  const ranges = chart.getRanges();
  const [range] = ranges;
  if (ranges.length !== 1 || !range || range.getSheet().getSheetId() !== sheet.getSheetId()) return false;
  if (
    range.getRow() !== expected.row ||
    range.getColumn() !== expected.column ||
    range.getNumRows() !== expected.rows ||
    range.getNumColumns() !== expected.columns
  )
    return false;
  const container = chart.getContainerInfo();
  if (container.getAnchorRow() !== spec.position.row + 1 || container.getAnchorColumn() !== spec.position.column + 1) return false;
  if (container.getOffsetX() !== 0 || container.getOffsetY() !== 0) return false;
  if (chart.getNumHeaders() !== 1 || String(chart.getHiddenDimensionStrategy()) !== String(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)) return false;
  if (String(chart.modify().getChartType()) !== String(chartTypeOf(spec))) return false;
  const options = chart.getOptions();
  return Object.entries(optionsOf(spec)).every(([option, value]) => JSON.stringify(options.get(option)) === JSON.stringify(value));
}

/**
 * Inserts the chart for `spec`, recorded as pending first (in `spare`, a record of the spec pointing
 * at no chart, or a new one): an execution that ends in between leaves a record the next run resolves.
 * Returns the new chart's id (a built chart has none until it is in a sheet); `spare` then holds it,
 * a new record still says pending.
 */
function insertRecorded(sheet: Sheet, spec: ChartSpec, charts: Map<string, EmbeddedChart>, spare: ChartRecord | undefined): string {
  const chart = configure(sheet.newChart(), sheet, spec).build();
  // The call right before insertChart: a pending record that resolves to no chart means insertChart itself failed.
  const pending = `${PENDING}${[...charts.keys()].join(',')}`;
  if (spare) spare.entry.setValue(pending);
  else sheet.addDeveloperMetadata(`${CHART_RECORD_PREFIX}${spec.id}`, pending);
  sheet.insertChart(chart);
  const inserted = sheet.getCharts().find((chart) => {
    const id = chartIdOf(chart);
    return id !== null && !charts.has(id);
  });
  if (!inserted) throw new Error(`Sheets reported no id for the chart "${spec.title}" just inserted on sheet "${sheet.getName()}"`);
  const chartId = chartIdOf(inserted)!;
  charts.set(chartId, inserted);
  if (spare) spare.entry.setValue(chartId);
  return chartId;
}

/**
 * Places `specs` on `sheet`: a chart recorded under the spec's id is updated in place (keeping its id,
 * whatever its title became) unless it already matches its spec; a missing one is inserted and recorded; a recorded chart no spec
 * produces any more is removed with its record. Charts without a record of ours are a person's and
 * stay, except, until a placement on the sheet has completed, the previous version's own charts
 * (`previousVersionChart`), adopted once. One read of the sheet's metadata and one of its charts,
 * plus, when charts were inserted, one of each per insert and one more of the metadata.
 */
export function placeNativeCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  assertUniqueSpecIds(sheet, specs);
  const ledger = readLedger(sheet);
  const charts = new Map<string, EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const id = chartIdOf(chart);
    if (id !== null) charts.set(id, chart);
  }
  const { owned, leftovers, ours } = claimCharts(ledger, charts);
  const reused = new Set<ChartRecord>();
  /** Record key → chart id, for the records added as pending this run. */
  const added = new Map<string, string>();

  for (const spec of specs) {
    const found = owned.get(spec.id);
    const current = found ? charts.get(found.chartId) : ledger.marker ? undefined : previousVersionChart(charts, ours, spec);
    if (current) {
      if (!found || !chartMatches(current, sheet, spec)) sheet.updateChart(configure(current.modify(), sheet, spec).build());
      const chartId = chartIdOf(current)!;
      ours.add(chartId);
      if (!found) sheet.addDeveloperMetadata(`${CHART_RECORD_PREFIX}${spec.id}`, chartId);
      else if (found.record.state.kind !== 'placed') found.record.entry.setValue(chartId);
      continue;
    }
    const spare = leftovers.find((record) => record.specId === spec.id && !reused.has(record));
    if (spare) reused.add(spare);
    const chartId = insertRecorded(sheet, spec, charts, spare);
    ours.add(chartId);
    if (!spare) added.set(`${CHART_RECORD_PREFIX}${spec.id}`, chartId);
  }

  if (added.size > 0) {
    for (const entry of sheet.getDeveloperMetadata()) {
      const chartId = added.get(entry.getKey());
      if (chartId !== undefined && (entry.getValue() ?? '').startsWith(PENDING)) entry.setValue(chartId);
    }
  }
  // Records no spec uses any more (or duplicates): a chart they name is ours, and goes with them.
  const claimed = new Set([...owned.values()].map((item) => item.chartId));
  for (const record of leftovers) {
    if (reused.has(record)) continue;
    const chartId = record.state.kind === 'placed' ? record.state.chartId : null;
    if (chartId !== null && charts.has(chartId) && !claimed.has(chartId)) sheet.removeChart(charts.get(chartId)!);
    record.entry.remove();
  }
  for (const [specId, item] of owned) {
    if (specs.some((spec) => spec.id === specId)) continue;
    sheet.removeChart(charts.get(item.chartId)!);
    item.record.entry.remove();
  }
  if (!ledger.marker) sheet.addDeveloperMetadata(CHART_LEDGER_KEY, LEDGER_VERSION);
}
