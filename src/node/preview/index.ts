// The Node host's offline HTML preview of the workbook: charts as inline SVG, tables as the sheets show them;
// and the same charts as PNG images for the .xlsx.

export { CHART_PNG_SCALE, type ChartPng, renderChartPng } from './chart-png';

export { chartToVegaLite, renderChartSvg } from './chart-svg';
export { escapeHtml } from './escape-html';
export { type PreviewOptions, type PreviewSheet, renderPreviewHtml } from './html-preview';
