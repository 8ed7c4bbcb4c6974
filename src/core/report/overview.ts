// `Resumo`: one line per cohort (size, progress, pace, flags) and a chart comparing cohorts week by week.

import type { SchoolConfig } from '../config/load-config';
import type { HistoryRow } from '../history/schema';
import { REPORT_SHEET } from '../identity/sheet-names';
import { OVERVIEW_CHART_TITLE, OVERVIEW_CHART_X_TITLE } from '../messages/reports';
import type { CohortConfig } from '../model/cohort';
import { expectedFor, weeksSinceStart } from '../model/goals';
import { DATE_FORMAT } from '../sheets';
import { serialOfLocalDate } from '../time/local-date';
import type { ChartSpec } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';
import { type CohortHistory, summarizeCohort } from './cohort-history';
import { mean, median, round1, round1OrNull } from './statistics';
import { placeBlock, rectangular } from './table-layout';
import { weeklyStats } from './weekly-stats';

export const OVERVIEW_HEADERS = [
  'Turma',
  'Início',
  'Semana da turma',
  'Alunos ativos',
  'Progresso médio (%)',
  'Progresso mediano (%)',
  'Esperado (%)',
  '% em dia',
  'Em risco',
  'Desistentes',
  'Δ semana (pp)',
] as const;

const OVERVIEW_FORMATS: readonly (string | undefined)[] = [undefined, DATE_FORMAT, '0', '0', '0.0', '0.0', '0.0', '0.0', '0', '0', '0.0'];

/** Stable id of the overview's chart. */
const OVERVIEW_CHART_ID = 'cohorts-by-week';

export interface Overview {
  readonly sheetName: 'Resumo';
  /** The summary: header + one row per cohort (active cohorts first, each group in `Turmas` order). */
  readonly rows: Cell[][];
  /** Number formats of the summary's columns (`Início` is a date serial). */
  readonly columnFormats: (string | undefined)[];
  /** The whole sheet: `rows` from A1, a blank column, then the chart's data block (cohorts' mean progress by week number); the chart sits under the summary. */
  readonly table: Cell[][];
  readonly charts: ChartSpec[];
}

/** The summary line of one cohort, from its current students (see CohortHistory.students). */
function summaryRow(history: CohortHistory, config: SchoolConfig): Cell[] {
  const { cohort, lastWeek } = history;
  const active = history.students.filter((student) => student.latest.situation !== 'Desistente');
  const progress = active.map((student) => student.latest.mean);
  // The week's change counts the students collected in the cohort's last week only.
  const deltas = active.filter((student) => student.latest.week === lastWeek && student.weekDelta !== null).map((student) => student.weekDelta!);
  const onTrack = active.filter((student) => student.latest.situation === 'Em dia').length;
  const hasGoal = cohort.goalTrack !== null && config.goalTracks.has(cohort.goalTrack);
  return [
    cohort.name,
    serialOfLocalDate(cohort.start),
    lastWeek === null ? null : weeksSinceStart(cohort, lastWeek),
    active.length,
    round1OrNull(mean(progress)),
    round1OrNull(median(progress)),
    lastWeek === null ? null : round1OrNull(expectedFor(cohort, lastWeek, config.goalTracks)),
    hasGoal && active.length > 0 ? round1((onTrack / active.length) * 100) : null,
    active.filter((student) => student.latest.situation === 'Em risco').length,
    history.students.length - active.length,
    round1OrNull(mean(deltas)),
  ];
}

/** Cohorts in report order: active first, then archived, each in `Turmas` order. */
function reportOrder(cohorts: readonly CohortConfig[]): CohortConfig[] {
  return [...cohorts.filter((cohort) => cohort.active), ...cohorts.filter((cohort) => !cohort.active)];
}

/**
 * The `Resumo` sheet. Per cohort: `Alunos ativos`, progress, `% em dia` (empty without a goal
 * track) and `Em risco` count its current non-dropout students; `Δ semana` is the mean of their
 * changes since their previous recorded week. The chart aligns cohorts by weeks since start: one
 * series per cohort with data, its mean progress (dropouts excluded) in each week number.
 */
export function buildOverview(rows: readonly HistoryRow[], config: SchoolConfig): Overview {
  const histories = reportOrder(config.cohorts).map((cohort) => summarizeCohort(rows, cohort));
  const summary: Cell[][] = [[...OVERVIEW_HEADERS], ...histories.map((history) => summaryRow(history, config))];

  const plotted = histories.filter((history) => history.lastWeek !== null);
  const byNumber = plotted.map((history) => {
    const means = new Map<number, number>();
    for (const week of weeklyStats(history, config.goalTracks)) if (week.mean !== null && week.weekNumber >= 0) means.set(week.weekNumber, week.mean);
    return means;
  });
  const lastNumber = Math.max(-1, ...byNumber.flatMap((means) => [...means.keys()]));
  const block = {
    header: ['Semana da turma', ...plotted.map((history) => history.cohort.name)],
    rows: Array.from({ length: lastNumber + 1 }, (_, number) => [`Semana ${number}`, ...byNumber.map((means) => round1OrNull(means.get(number) ?? null))]),
  };

  const table: Cell[][] = summary.map((row) => [...row]);
  // Beside the summary, not under it: the summary's column formats (a date in `Início`) must not touch the block.
  const range = placeBlock(table, block, { row: 0, column: OVERVIEW_HEADERS.length + 1 });
  const charts: ChartSpec[] = [
    {
      id: OVERVIEW_CHART_ID,
      title: OVERVIEW_CHART_TITLE,
      kind: 'line',
      xTitle: OVERVIEW_CHART_X_TITLE,
      yTitle: 'Progresso médio (%)',
      range,
      series: plotted.map((history) => ({ name: history.cohort.name })),
      position: { row: summary.length + 1, column: 0 },
    },
  ];
  return { sheetName: REPORT_SHEET.overview, rows: summary, columnFormats: [...OVERVIEW_FORMATS], table: rectangular(table), charts };
}
