// `Gráficos <nome>`: a cohort's charts (progress curve against the expected one, situations per week,
// distribution) stacked at the top, and the data blocks they read below them, side by side.

import type { SchoolConfig } from '../config/load-config';
import type { HistoryRow } from '../history/schema';
import { cohortNameWithoutPrefix, reportSheetNames } from '../identity/sheet-names';
import { CHART_DATA_CAPTION, chartSheetTitle, distributionChartTitle, progressChartTitle, situationsChartTitle } from '../messages/reports';
import { type CohortConfig, tutorLabel } from '../model/cohort';
import { DECIMAL_FORMAT, INTEGER_FORMAT } from '../sheets';
import { CHART_ROWS } from '../workbook/chart-frame';
import type { ChartSpec, RowStyle, TableRange } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';
import { dayMonth, summarizeCohort } from './cohort-history';
import { cohortNames } from './pivot';
import { ATTENTION_ORDER, SITUATION_STYLE } from './situation-style';
import { round1, round1OrNull } from './statistics';
import { placeBlock, rectangular, type TableBlock } from './table-layout';
import { type WeekStats, weeklyStats } from './weekly-stats';

export interface ChartSheet {
  readonly sheetName: string;
  /** The whole sheet: the title, the rows the charts cover, a caption, then the data blocks side by side (their headers on `headerRow`). */
  readonly table: Cell[][];
  /** The data blocks' header row: everything above it is the title and the charts' room. */
  readonly headerRow: number;
  /** Number formats of the data blocks' columns. */
  readonly columnFormats: (string | undefined)[];
  readonly rowStyles: RowStyle[];
  readonly charts: ChartSpec[];
}

/** The expected curve's colour and dash in every chart (grey, dashed: a reference, not a result). */
export const EXPECTED_COLOR = '#5f6368';

/** Stable chart ids, for updating charts in place. */
const COHORT_CHART_IDS = { progress: 'progress-curve', situations: 'situations-by-week', distribution: 'progress-distribution' } as const;

/** Labels of the 10-point progress buckets, `0–10` … `90–100`. */
export const PROGRESS_BUCKETS: readonly string[] = Array.from({ length: 10 }, (_, index) => `${index * 10}–${index * 10 + 10}`);

/**
 * Rows kept for each chart: both hosts draw it CHART_SIZE_PX high (chart-frame.ts), which these rows
 * hold with a margin at either host's row height, so no chart covers the next one or the data below.
 */
export const CHART_HEIGHT_ROWS = CHART_ROWS;
const CHART_COUNT = 3;
/** The charts start under the title row; the caption and then the data blocks follow the last chart. */
const FIRST_CHART_ROW = 1;
const CAPTION_ROW = FIRST_CHART_ROW + CHART_COUNT * CHART_HEIGHT_ROWS;
export const CHART_DATA_HEADER_ROW = CAPTION_ROW + 1;

/** A week's category label: its number since the start and its date, e.g. `S3 · 16/03` (never read as a date). */
function weekLabel(stats: Pick<WeekStats, 'week' | 'weekNumber'>): string {
  return `S${stats.weekNumber} · ${dayMonth(stats.week)}`;
}

/** Which bucket a progress value falls in (100 goes into `90–100`). */
export function progressBucket(progress: number): number {
  return Math.min(9, Math.max(0, Math.floor(progress / 10)));
}

function progressBlock(stats: readonly WeekStats[], withGoal: boolean): TableBlock {
  return {
    header: ['Semana', 'Mediana (%)', 'Média (%)', ...(withGoal ? ['Esperado (%)'] : [])],
    rows: stats.map((week) => [weekLabel(week), round1OrNull(week.median), round1OrNull(week.mean), ...(withGoal ? [round1OrNull(week.expected)] : [])]),
  };
}

function situationBlock(stats: readonly WeekStats[]): TableBlock {
  return {
    header: ['Semana', ...ATTENTION_ORDER],
    rows: stats.map((week) => [weekLabel(week), ...ATTENTION_ORDER.map((situation) => (week.recorded ? week.counts[situation] : null))]),
  };
}

function distributionBlock(currentProgress: readonly number[]): TableBlock {
  const counts = new Map<number, number>();
  for (const progress of currentProgress) {
    const bucket = progressBucket(round1(progress));
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return { header: ['Progresso atual (%)', 'Alunos'], rows: PROGRESS_BUCKETS.map((label, index) => [label, counts.get(index) ?? 0]) };
}

/**
 * The chart sheet of one cohort: (a) median and mean of the students' progress per week against the
 * expected curve from `Metas`, (b) students per `Situação` per week, (c) how the current students'
 * progress (the pivot's, dropouts excluded) spreads over 10-point buckets. Weekly figures count
 * everyone recorded under the cohort that week; a week with no row has empty cells. The charts sit
 * one under the other at the top, in column A; their data blocks below them, never under a chart.
 */
export function buildCohortCharts(rows: readonly HistoryRow[], cohort: CohortConfig, config: SchoolConfig): ChartSheet {
  const history = summarizeCohort(rows, cohort);
  const stats = weeklyStats(history, config.goalTracks);
  const withGoal = cohort.goalTrack !== null && config.goalTracks.has(cohort.goalTrack);
  const current = history.students.filter((student) => student.latest.situation !== 'Desistente').map((student) => student.latest.mean);
  const shortName = cohortNameWithoutPrefix(cohort.name);

  const table: Cell[][] = [[chartSheetTitle(shortName, tutorLabel(cohort))]];
  placeBlock(table, { header: [CHART_DATA_CAPTION], rows: [] }, { row: CAPTION_ROW, column: 0 });
  const top = CHART_DATA_HEADER_ROW;
  const progressData = progressBlock(stats, withGoal);
  const progress = placeBlock(table, progressData, { row: top, column: 0 });
  const situations = placeBlock(table, situationBlock(stats), { row: top, column: progress.column + progress.columns + 1 });
  const distribution = placeBlock(table, distributionBlock(current), { row: top, column: situations.column + situations.columns + 1 });

  // Each block's first column holds its labels; the rest progress (one decimal) or students (whole).
  const valueFormat = (column: number): string | undefined => {
    const within = (range: TableRange) => column > range.column && column < range.column + range.columns;
    if (within(progress)) return DECIMAL_FORMAT;
    return within(situations) || within(distribution) ? INTEGER_FORMAT : undefined;
  };
  const at = (index: number) => ({ row: FIRST_CHART_ROW + index * CHART_HEIGHT_ROWS, column: 0 });

  const charts: ChartSpec[] = [
    {
      id: COHORT_CHART_IDS.progress,
      title: progressChartTitle(shortName),
      kind: 'line',
      xTitle: 'Semana da turma',
      yTitle: 'Progresso (%)',
      range: progress,
      series: [
        { name: 'Mediana (%)', color: '#1a73e8' },
        { name: 'Média (%)', color: '#12b5cb' },
        ...(withGoal ? [{ name: 'Esperado (%)', dashed: true, color: EXPECTED_COLOR }] : []),
      ],
      position: at(0),
    },
    {
      id: COHORT_CHART_IDS.situations,
      title: situationsChartTitle(cohort.name),
      kind: 'stacked-column',
      xTitle: 'Semana da turma',
      yTitle: 'Alunos',
      range: situations,
      series: ATTENTION_ORDER.map((situation) => ({ name: situation, color: SITUATION_STYLE[situation].chartColor })),
      position: at(1),
    },
    {
      id: COHORT_CHART_IDS.distribution,
      title: distributionChartTitle(cohort.name),
      kind: 'column',
      xTitle: 'Progresso atual (%)',
      yTitle: 'Alunos',
      range: distribution,
      series: [{ name: 'Alunos', color: '#1a73e8' }],
      position: at(2),
    },
  ];
  return {
    sheetName: reportSheetNames(cohortNames(config, cohort)).get(cohort.name)!.charts,
    table: rectangular(table),
    headerRow: top,
    columnFormats: Array.from({ length: distribution.column + distribution.columns }, (_, column) => valueFormat(column)),
    rowStyles: [
      { row: 0, bold: true, fontSize: 12 },
      { row: CAPTION_ROW, fontColor: '#5f6368' },
    ],
    charts,
  };
}
