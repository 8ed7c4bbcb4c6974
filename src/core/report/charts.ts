// `Gráficos <nome>`: a cohort's chart data blocks and chart specs (progress curve, situations per week, distribution).

import type { SchoolConfig } from '../config/load-config';
import type { HistoryRow } from '../history/schema';
import { reportSheetNames } from '../identity/sheet-names';
import { distributionChartTitle, progressChartTitle, situationsChartTitle } from '../messages/reports';
import type { CohortConfig } from '../model/cohort';
import type { ChartSpec } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';
import { dayMonth, summarizeCohort } from './cohort-history';
import { cohortNames } from './pivot';
import { ATTENTION_ORDER, SITUATION_STYLE } from './situation-style';
import { round1, round1OrNull } from './statistics';
import { placeBlock, rectangular, type TableBlock } from './table-layout';
import { type WeekStats, weeklyStats } from './weekly-stats';

export interface ChartSheet {
  readonly sheetName: string;
  /** The whole sheet: the charts' data blocks side by side from A1, each with its header row. */
  readonly table: Cell[][];
  readonly charts: ChartSpec[];
}

/** Stable chart ids, for updating charts in place. */
const COHORT_CHART_IDS = { progress: 'progress-curve', situations: 'situations-by-week', distribution: 'progress-distribution' } as const;

/** Labels of the 10-point progress buckets, `0–10` … `90–100`. */
export const PROGRESS_BUCKETS: readonly string[] = Array.from({ length: 10 }, (_, index) => `${index * 10}–${index * 10 + 10}`);

/** Rows a chart takes on the sheet, so stacked charts do not overlap. */
const CHART_HEIGHT_ROWS = 20;

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
 * everyone recorded under the cohort that week; a week with no row has empty cells.
 */
export function buildCohortCharts(rows: readonly HistoryRow[], cohort: CohortConfig, config: SchoolConfig): ChartSheet {
  const history = summarizeCohort(rows, cohort);
  const stats = weeklyStats(history, config.goalTracks);
  const withGoal = cohort.goalTrack !== null && config.goalTracks.has(cohort.goalTrack);
  const current = history.students.filter((student) => student.latest.situation !== 'Desistente').map((student) => student.latest.mean);

  const table: Cell[][] = [];
  const progress = placeBlock(table, progressBlock(stats, withGoal), { row: 0, column: 0 });
  const situations = placeBlock(table, situationBlock(stats), { row: 0, column: progress.column + progress.columns + 1 });
  const distribution = placeBlock(table, distributionBlock(current), { row: 0, column: situations.column + situations.columns + 1 });
  const chartColumn = distribution.column + distribution.columns + 1;

  const charts: ChartSpec[] = [
    {
      id: COHORT_CHART_IDS.progress,
      title: progressChartTitle(cohort.name),
      kind: 'line',
      xTitle: 'Semana da turma',
      yTitle: 'Progresso (%)',
      range: progress,
      series: [
        { name: 'Mediana (%)', color: '#1a73e8' },
        { name: 'Média (%)', color: '#12b5cb' },
        ...(withGoal ? [{ name: 'Esperado (%)', dashed: true, color: '#5f6368' }] : []),
      ],
      position: { row: 0, column: chartColumn },
    },
    {
      id: COHORT_CHART_IDS.situations,
      title: situationsChartTitle(cohort.name),
      kind: 'stacked-column',
      xTitle: 'Semana da turma',
      yTitle: 'Alunos',
      range: situations,
      series: ATTENTION_ORDER.map((situation) => ({ name: situation, color: SITUATION_STYLE[situation].chartColor })),
      position: { row: CHART_HEIGHT_ROWS, column: chartColumn },
    },
    {
      id: COHORT_CHART_IDS.distribution,
      title: distributionChartTitle(cohort.name),
      kind: 'column',
      xTitle: 'Progresso atual (%)',
      yTitle: 'Alunos',
      range: distribution,
      series: [{ name: 'Alunos', color: '#1a73e8' }],
      position: { row: 2 * CHART_HEIGHT_ROWS, column: chartColumn },
    },
  ];
  return { sheetName: reportSheetNames(cohortNames(config, cohort)).get(cohort.name)!.charts, table: rectangular(table), charts };
}
