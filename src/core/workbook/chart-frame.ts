// The one size every report chart is drawn at, title, axes and legend included, in both hosts: the
// .xlsx's picture (chart-svg.ts lays the Vega-Lite view out to fit it exactly, chart-png.ts rasterises
// it) and Sheets' native chart (native-charts.ts sets its width and height). Layouts that stack charts
// reserve CHART_ROWS rows for each, so no chart covers the next one, its legend or the table below.

/** A report chart's whole size in pixels. */
export const CHART_SIZE_PX = { width: 720, height: 440 } as const;

/**
 * Default row heights in pixels: Sheets draws rows 21 px high; the .xlsx's default row is 15 pt
 * (exceljs's `defaultRowHeight`, Calibri 11's row in Excel and LibreOffice), 20 px at 96 dpi.
 */
export const DEFAULT_ROW_PX = { sheets: 21, xlsx: 20 } as const;

/** Blank space kept under each chart before what follows (the next chart's title, a caption, a table). */
export const CHART_MARGIN_PX = 24;

/**
 * Rows a chart and its margin take: counted at the shorter of the hosts' rows, so they hold it in both
 * (taller rows only add room).
 */
export const CHART_ROWS = Math.ceil((CHART_SIZE_PX.height + CHART_MARGIN_PX) / Math.min(DEFAULT_ROW_PX.sheets, DEFAULT_ROW_PX.xlsx));
