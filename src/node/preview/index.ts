// The Node host's offline HTML preview of the workbook: charts as inline SVG, tables as the sheets show them.

export { chartToVegaLite, renderChartSvg } from './chart-svg';
export { renderPreviewHtml, DEFAULT_MAX_ROWS_PER_SHEET, type PreviewOptions, type PreviewSheet } from './html-preview';
export { escapeHtml } from './escape-html';
