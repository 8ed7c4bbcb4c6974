// The report's public surface for hosts: pivot, charts, overview and contacts builders, sheet names and spec types.

export { buildCohortPivot, PIVOT_HEADERS, sortForAttention, type PivotOptions, type PivotTable } from './pivot';
export { buildCohortCharts, COHORT_CHART_IDS, PROGRESS_BUCKETS, type ChartSheet } from './charts';
export { buildOverview, OVERVIEW_CHART_ID, OVERVIEW_HEADERS, type Overview } from './overview';
export { buildWeeklyContacts, CONTACT_HEADERS, TUTOR_COLUMNS, type WeeklyContacts } from './contacts';
export {
  chartSheetName, isOwnedReportSheet, orphanReportSheets, OWNED_SHEET_PREFIXES, pivotSheetName, REPORT_SHEET,
  reportSheetNames, SHEET_NAME_MAX, type ReportSheetNames,
} from './sheet-names';
export type { ChartKind, ChartSeries, ChartSpec, ConditionalFormatSpec, GradientPoint, TableRange } from './report-specs';
export { ATTENTION_ORDER, SITUATION_STYLE, type SituationStyle } from './situation-style';
