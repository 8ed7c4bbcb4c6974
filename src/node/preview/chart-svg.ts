// A report chart (ChartSpec over a block of a sheet's rows) drawn as an offline SVG with Vega-Lite.

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { emptyChartLabel, NO_CHART_DATA, unnamedSeries } from '../../core/messages/preview';
import { CHART_SIZE_PX } from '../../core/workbook/chart-frame';
import type { ChartSpec } from '../../core/workbook/sheet-specs';
import type { Cell } from '../../core/workbook/workbook';
import { escapeHtml } from './escape-html';

/**
 * Every chart's whole size, title, axes and legend included: Vega-Lite lays the view out to fit it
 * (autosize `fit`), so the picture is exactly as large as the rows the sheet keeps for it.
 */
const CHART_WIDTH = CHART_SIZE_PX.width;
const CHART_HEIGHT = CHART_SIZE_PX.height;
const CHART_PADDING = 8;
/** Legend entries: a symbol and its gap, and a label's estimated pixels per character at 11 px. */
const LEGEND_SYMBOL_PX = 40;
const LEGEND_CHAR_PX = 6.5;

/** Used for series the spec gives no colour to (Google Sheets' default palette). */
const FALLBACK_COLORS: readonly [string, ...string[]] = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

/** Brazilian number display for axis labels (decimal comma, dot for thousands). */
const PT_BR_NUMBER_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['R$ ', ''] };

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Every chart's font stack. Liberation Sans (Arial's metrics) and DejaVu Sans are named because the
 * PNG renderer (chart-png.ts) finds fonts by family, with no fontconfig aliases; a browser stops at Arial.
 */
const CHART_FONT_FAMILY = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif";

/** One value of the chart's block, in the long form Vega-Lite wants. */
interface ChartPoint {
  readonly category: string;
  readonly series: string;
  readonly seriesIndex: number;
  readonly value: number;
}

/** A chart's block read out of the sheet: categories in table order, series in column order, numeric points. */
export interface ChartData {
  readonly categories: string[];
  readonly series: { readonly name: string; readonly color: string; readonly dashed: boolean }[];
  readonly points: ChartPoint[];
}

function cellLabel(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

/** Makes every category label unique (Vega-Lite's ordinal scale needs distinct values) without reordering. */
function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = seen.get(label) ?? 0;
    seen.set(label, count + 1);
    return count === 0 ? label : `${label} (${count + 1})`;
  });
}

/** Reads `spec.range` out of `rows`: first row = series names, first column = categories. */
function readChartData(spec: ChartSpec, rows: readonly (readonly Cell[])[]): ChartData {
  const { row: top, column: left, rows: height, columns: width } = spec.range;
  const headerRow = rows[top] ?? [];
  const seriesCount = Math.max(0, width - 1);
  const series = Array.from({ length: seriesCount }, (_, index) => {
    const configured = spec.series[index];
    const name = cellLabel(headerRow[left + 1 + index]) || configured?.name || unnamedSeries(index + 1);
    const color =
      configured?.color && HEX_COLOR.test(configured.color) ? configured.color : (FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? FALLBACK_COLORS[0]);
    return { name, color, dashed: configured?.dashed === true };
  });
  const dataRows = rows.slice(top + 1, top + Math.max(1, height));
  const categories = uniqueLabels(dataRows.map((cells) => cellLabel(cells[left])));
  const points: ChartPoint[] = [];
  dataRows.forEach((cells, rowIndex) => {
    series.forEach((entry, seriesIndex) => {
      const value = cells[left + 1 + seriesIndex];
      if (typeof value === 'number' && Number.isFinite(value)) {
        // categories is dataRows mapped one to one, just above.
        points.push({ category: categories[rowIndex]!, series: entry.name, seriesIndex, value });
      }
    });
  });
  return { categories, series, points };
}

/**
 * The Vega-Lite spec of a report chart: `line` → one line with points per series (dashed series
 * drawn dashed), `stacked-column` → stacked bars, `column` → bars (grouped when there are several
 * series). Categories keep the table's order; the data is inline (no URLs).
 */
export function chartToVegaLite(spec: ChartSpec, rows: readonly (readonly Cell[])[]): object {
  return buildVegaLite(spec, readChartData(spec, rows));
}

/**
 * Legend entries per row: as many as fit the chart's width (a long list wraps instead of running past
 * the picture's edge, where `fit` would cut it off).
 */
function legendColumns(names: readonly string[]): number {
  const longest = Math.max(0, ...names.map((name) => name.length));
  const entry = LEGEND_SYMBOL_PX + longest * LEGEND_CHAR_PX;
  return Math.max(1, Math.min(names.length, Math.floor((CHART_WIDTH - 2 * CHART_PADDING) / entry)));
}

function buildVegaLite(spec: ChartSpec, data: ChartData): TopLevelSpec {
  const seriesNames = data.series.map((entry) => entry.name);
  const x = {
    field: 'category',
    type: 'ordinal' as const,
    title: spec.xTitle,
    sort: data.categories,
    scale: { domain: data.categories },
    axis: { labelAngle: data.categories.length > 8 ? -45 : 0, labelLimit: 120 },
  };
  const y = { field: 'value', type: 'quantitative' as const, title: spec.yTitle };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    sort: seriesNames,
    scale: { domain: seriesNames, range: data.series.map((entry) => entry.color) },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: legendColumns(seriesNames), labelLimit: 200 },
  };
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: spec.title, anchor: 'start' as const, fontSize: 14 },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit' as const, contains: 'padding' as const },
    background: '#ffffff',
    padding: CHART_PADDING,
    data: { values: data.points },
    config: {
      locale: { number: PT_BR_NUMBER_LOCALE },
      font: CHART_FONT_FAMILY,
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e8eaed' },
      legend: { labelFontSize: 11, symbolStrokeWidth: 2 },
      view: { stroke: null },
    },
  };

  if (spec.kind === 'line') {
    const anyDashed = data.series.some((entry) => entry.dashed);
    return {
      ...common,
      mark: { type: 'line', point: { filled: true, size: 36 }, strokeWidth: 2 },
      encoding: {
        x,
        y,
        // The legend shows a stroke per series so a dashed series (the expected curve) reads as dashed.
        color: { ...color, legend: { ...color.legend, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 } },
        ...(anyDashed
          ? {
              strokeDash: {
                field: 'series',
                type: 'nominal' as const,
                title: null,
                sort: seriesNames,
                scale: { domain: seriesNames, range: data.series.map((entry) => (entry.dashed ? [6, 4] : [1, 0])) },
              },
            }
          : {}),
      },
    } as TopLevelSpec;
  }

  if (spec.kind === 'stacked-column') {
    return {
      ...common,
      mark: { type: 'bar' },
      encoding: {
        x,
        y: { ...y, stack: 'zero' as const },
        color,
        order: { field: 'seriesIndex', type: 'quantitative' as const, sort: 'ascending' as const },
      },
    } as TopLevelSpec;
  }

  const grouped = data.series.length > 1;
  return {
    ...common,
    mark: { type: 'bar' },
    encoding: {
      x,
      y,
      color: grouped ? color : { ...color, legend: null },
      ...(grouped ? { xOffset: { field: 'series', type: 'nominal' as const, sort: seriesNames, scale: { domain: seriesNames } } } : {}),
    },
  } as TopLevelSpec;
}

/** A small SVG that says the chart has nothing to draw yet (a week-one cohort, an empty block). */
function emptyChartSvg(spec: ChartSpec): string {
  // As wide as a drawn chart, and lower: it says nothing more than its title and a line.
  const width = CHART_WIDTH;
  const height = 96;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-empty" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(emptyChartLabel(spec.title))}">`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" fill="#f8f9fa" stroke="#dadce0"/>`,
    `<text x="16" y="32" font-family="${CHART_FONT_FAMILY}" font-size="14" font-weight="bold" fill="#202124">${escapeHtml(spec.title)}</text>`,
    `<text x="16" y="64" font-family="${CHART_FONT_FAMILY}" font-size="13" fill="#5f6368">${NO_CHART_DATA}</text>`,
    '</svg>',
  ].join('');
}

/**
 * Renders a report chart to an SVG string (no DOM, no network); a block without values gives a small
 * "sem dados ainda" card. The one drawing path: the HTML preview inlines it, chart-png.ts rasterises it.
 */
export async function renderChartSvg(spec: ChartSpec, rows: readonly (readonly Cell[])[]): Promise<string> {
  const data = readChartData(spec, rows);
  if (data.points.length === 0) return emptyChartSvg(spec);
  const vegaSpec = compile(buildVegaLite(spec, data)).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Warn });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
