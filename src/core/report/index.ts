// The report's public surface for hosts: pivot, charts, overview and contacts builders, sheet names and spec types.

export { buildCohortCharts, type ChartSheet, COHORT_CHART_IDS, PROGRESS_BUCKETS } from './charts';
export { buildWeeklyContacts, CONTACT_HEADERS, TUTOR_COLUMNS, type WeeklyContacts } from './contacts';
export { buildOverview, OVERVIEW_CHART_ID, OVERVIEW_HEADERS, type Overview } from './overview';
export { buildCohortPivot, PIVOT_HEADERS, type PivotOptions, type PivotTable, sortForAttention } from './pivot';
export type { ChartKind, ChartSeries, ChartSpec, ConditionalFormatSpec, GradientPoint, TableRange } from './report-specs';
export {
  chartSheetName,
  isOwnedReportSheet,
  OWNED_SHEET_PREFIXES,
  orphanReportSheets,
  pivotSheetName,
  REPORT_SHEET,
  type ReportSheetNames,
  reportSheetNames,
  SHEET_NAME_MAX,
} from './sheet-names';
export { ATTENTION_ORDER, SITUATION_STYLE, type SituationStyle } from './situation-style';
