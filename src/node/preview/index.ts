// The Node host's offline HTML preview of the workbook: charts as inline SVG, tables as the sheets show them.

export { chartToVegaLite, renderChartSvg } from './chart-svg';
export { escapeHtml } from './escape-html';
export { type PreviewOptions, type PreviewSheet, renderPreviewHtml } from './html-preview';
