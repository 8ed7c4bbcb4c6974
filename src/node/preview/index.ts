// The Node host's offline HTML preview of the workbook: charts as inline SVG, tables as the sheets show them.

export { chartToVegaLite, renderChartSvg } from './chart-svg';
export { escapeHtml } from './escape-html';
export { DEFAULT_MAX_ROWS_PER_SHEET, type PreviewOptions, type PreviewSheet, renderPreviewHtml } from './html-preview';
