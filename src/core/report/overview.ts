// `Resumo`: the week's headline (students to call, at risk, dropouts, last update), cohorts without a
// goal, one line per cohort coloured by its share at risk, and a chart comparing cohorts week by week
// against the expected curve.

import type { SchoolConfig } from '../config/load-config';
import type { HistoryRow } from '../history/schema';
import { REPORT_SHEET } from '../identity/sheet-names';
import {
  cohortsWithoutGoal,
  expectedSeriesName,
  OVERVIEW_CHART_DATA_CAPTION,
  OVERVIEW_CHART_TITLE,
  OVERVIEW_CHART_X_TITLE,
  overviewColourLegend,
  overviewHeadline,
  overviewTitle,
} from '../messages/reports';
import { type CohortConfig, tutorLabel } from '../model/cohort';
import { expectedFor, expectedProgress, weeksSinceStart } from '../model/goals';
import { DATE_FORMAT, DECIMAL_FORMAT, INTEGER_FORMAT, SIGNED_POINTS_FORMAT } from '../sheets';
import { serialOfLocalDate } from '../time/local-date';
import { formatBrDateTime } from '../time/pt-br-dates';
import type { ChartSeries, ChartSpec, RowStyle } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';
import { EXPECTED_COLOR } from './charts';
import { type CohortHistory, summarizeCohort } from './cohort-history';
import { SITUATION_STYLE } from './situation-style';
import { mean, median, round1, round1OrNull } from './statistics';
import { placeBlock, rectangular } from './table-layout';
import { weeklyStats } from './weekly-stats';

export const OVERVIEW_HEADERS = [
  'Turma',
  'Tutor',
  'Início',
  'Semana da turma',
  'Alunos ativos',
  'Progresso médio (%)',
  'Progresso mediano (%)',
  'Esperado (%)',
  '% em dia',
  'Em risco',
  '% em risco',
  'Desistentes',
  'Variação na semana (pontos)',
] as const;

const OVERVIEW_FORMATS: readonly (string | undefined)[] = [
  undefined,
  undefined,
  DATE_FORMAT,
  INTEGER_FORMAT,
  INTEGER_FORMAT,
  DECIMAL_FORMAT,
  DECIMAL_FORMAT,
  DECIMAL_FORMAT,
  DECIMAL_FORMAT,
  INTEGER_FORMAT,
  DECIMAL_FORMAT,
  INTEGER_FORMAT,
  SIGNED_POINTS_FORMAT,
];
const COLUMN = Object.fromEntries(OVERVIEW_HEADERS.map((name, index) => [name, index])) as Record<(typeof OVERVIEW_HEADERS)[number], number>;

/**
 * A cohort's row is coloured by the share of its active students `Em risco`: red from 1 in 5 (a
 * cohort the coordinator should look at this week), yellow from 1 in 10 (one to watch), none below.
 * The same colours as `Em risco` and `Atrasado` cells in the pivots.
 */
export const AT_RISK_SHARE = { high: 20, watch: 10 } as const;
const HIGH_BACKGROUND = SITUATION_STYLE['Em risco'].background ?? '#f4c7c3';
const WATCH_BACKGROUND = SITUATION_STYLE.Atrasado.background ?? '#fce8b2';

/** Stable id of the overview's chart. */
const OVERVIEW_CHART_ID = 'cohorts-by-week';
/** Other tracks' expected curves, after the first's (EXPECTED_COLOR). */
const MORE_EXPECTED_COLORS = ['#9aa0a6', '#3c4043', '#bdc1c6'];
/** Blank columns between the summary and the chart's data block, which is hidden. */
const CHART_DATA_GAP = 2;

export interface OverviewInput {
  /** Students on this week's `Contatos da semana` list (WeeklyContacts.entries). */
  readonly contactCount: number;
}

export interface Overview {
  readonly sheetName: 'Resumo';
  /** The whole sheet: the title rows, the summary's header on `headerRow`, one row per cohort; the chart's data block further right, hidden. */
  readonly table: Cell[][];
  readonly headerRow: number;
  /** The summary: header + one row per cohort (active cohorts first, each group in `Turmas` order). */
  readonly rows: Cell[][];
  /** Number formats of the summary's columns (`Início` is a date serial). */
  readonly columnFormats: (string | undefined)[];
  /** The title rows, and each cohort's row coloured by its share at risk. */
  readonly rowStyles: RowStyle[];
  /** The chart's data block: it is for the chart, not for reading. */
  readonly hiddenColumns: number[];
  readonly charts: ChartSpec[];
}

/** The share (%) of a cohort's active students `Em risco`; null with none active. */
function shareAtRisk(history: CohortHistory): number | null {
  const active = history.students.filter((student) => student.latest.situation !== 'Desistente');
  return active.length === 0 ? null : (active.filter((student) => student.latest.situation === 'Em risco').length / active.length) * 100;
}

/** The summary line of one cohort, from its current students (see CohortHistory.students). */
function summaryRow(history: CohortHistory, config: SchoolConfig): Cell[] {
  const { cohort, lastWeek } = history;
  const active = history.students.filter((student) => student.latest.situation !== 'Desistente');
  const progress = active.map((student) => student.latest.mean);
  // The week's change counts the students collected in the cohort's last week only.
  const deltas = active.flatMap((student) => (student.latest.week === lastWeek && student.weekDelta !== null ? [student.weekDelta] : []));
  const onTrack = active.filter((student) => student.latest.situation === 'Em dia').length;
  const hasGoal = cohort.goalTrack !== null && config.goalTracks.has(cohort.goalTrack);
  return [
    cohort.name,
    tutorLabel(cohort),
    serialOfLocalDate(cohort.start),
    lastWeek === null ? null : weeksSinceStart(cohort, lastWeek),
    active.length,
    round1OrNull(mean(progress)),
    round1OrNull(median(progress)),
    lastWeek === null ? null : round1OrNull(expectedFor(cohort, lastWeek, config.goalTracks)),
    hasGoal && active.length > 0 ? round1((onTrack / active.length) * 100) : null,
    active.filter((student) => student.latest.situation === 'Em risco').length,
    round1OrNull(shareAtRisk(history)),
    history.students.length - active.length,
    round1OrNull(mean(deltas)),
  ];
}

/** Cohorts in report order: active first, then archived, each in `Turmas` order. */
function reportOrder(cohorts: readonly CohortConfig[]): CohortConfig[] {
  return [...cohorts.filter((cohort) => cohort.active), ...cohorts.filter((cohort) => !cohort.active)];
}

function rowBackground(share: number | null): string | null {
  if (share === null) return null;
  if (share >= AT_RISK_SHARE.high) return HIGH_BACKGROUND;
  return share >= AT_RISK_SHARE.watch ? WATCH_BACKGROUND : null;
}

/** The latest collection in `rows`, `dd/mm/aaaa hh:mm` on the school's clock; null before the first run. */
function lastUpdate(rows: readonly HistoryRow[], timeZone: string): string | null {
  let latest = -Infinity;
  for (const row of rows) if (row.collectedAt > latest) latest = row.collectedAt;
  return Number.isFinite(latest) ? formatBrDateTime(latest, timeZone) : null;
}

/**
 * The comparison chart's data: one column per cohort with data (its mean progress, dropouts
 * excluded, in each week number since its start), then one expected curve per goal track those
 * cohorts use, over the same week numbers.
 */
function chartBlock(plotted: readonly CohortHistory[], config: SchoolConfig): { header: string[]; rows: Cell[][]; series: ChartSeries[] } {
  const byNumber = plotted.map((history) => {
    const means = new Map<number, number>();
    for (const week of weeklyStats(history, config.goalTracks)) if (week.mean !== null && week.weekNumber >= 0) means.set(week.weekNumber, week.mean);
    return means;
  });
  const tracks = [
    ...new Set(
      plotted.flatMap((history) => (history.cohort.goalTrack !== null && config.goalTracks.has(history.cohort.goalTrack) ? [history.cohort.goalTrack] : [])),
    ),
  ].flatMap((name) => {
    const track = config.goalTracks.get(name);
    return track ? [track] : [];
  });
  const lastNumber = Math.max(-1, ...byNumber.flatMap((means) => [...means.keys()]));
  return {
    header: ['Semana da turma', ...plotted.map((history) => history.cohort.name), ...tracks.map((track) => expectedSeriesName(track.name))],
    rows: Array.from({ length: lastNumber + 1 }, (_, number) => [
      `Semana ${number}`,
      ...byNumber.map((means) => round1OrNull(means.get(number) ?? null)),
      ...tracks.map((track) => expectedProgress(track, number)),
    ]),
    series: [
      ...plotted.map((history) => ({ name: history.cohort.name })),
      ...tracks.map((track, index) => ({
        name: expectedSeriesName(track.name),
        dashed: true,
        color: index === 0 ? EXPECTED_COLOR : (MORE_EXPECTED_COLORS[(index - 1) % MORE_EXPECTED_COLORS.length] ?? EXPECTED_COLOR),
      })),
    ],
  };
}

/**
 * The `Resumo` sheet. Above the table: the title with the last update, the headline (students on
 * this week's contact list, then the active cohorts' students `Em risco` and dropouts), the cohorts
 * without a goal (their pace alerts never fire) and what the row colours mean. Per cohort:
 * `Alunos ativos`, progress, `% em dia` (empty without a goal track), `Em risco` and its share count
 * its current non-dropout students; `Variação na semana` is the mean of their changes since their
 * previous recorded week. The chart aligns cohorts by weeks since start (each cohort's mean progress
 * per week number) with each goal track's expected curve, dashed; it sits under the table and reads
 * a block kept in hidden columns to the table's right.
 */
export function buildOverview(rows: readonly HistoryRow[], config: SchoolConfig, input: OverviewInput): Overview {
  const histories = reportOrder(config.cohorts).map((cohort) => summarizeCohort(rows, cohort));
  const summary: Cell[][] = [[...OVERVIEW_HEADERS], ...histories.map((history) => summaryRow(history, config))];

  const activeRows = summary.slice(1).filter((_, index) => histories[index]?.cohort.active === true);
  const total = (column: number) => activeRows.reduce((sum, row) => sum + (typeof row[column] === 'number' ? row[column] : 0), 0);
  const withoutGoal = config.cohorts.filter((cohort) => cohort.active && (cohort.goalTrack === null || !config.goalTracks.has(cohort.goalTrack)));
  const titleRows: Cell[][] = [
    [overviewTitle(lastUpdate(rows, config.settings.timeZone))],
    [overviewHeadline(input.contactCount, total(COLUMN['Em risco']), total(COLUMN.Desistentes))],
    ...(withoutGoal.length > 0 ? [[cohortsWithoutGoal(withoutGoal.map((cohort) => cohort.name))]] : []),
    [overviewColourLegend(AT_RISK_SHARE.high, AT_RISK_SHARE.watch)],
  ];
  const headerRow = titleRows.length;
  const table: Cell[][] = [...titleRows, ...summary].map((row) => [...row]);

  const plotted = histories.filter((history) => history.lastWeek !== null);
  const block = chartBlock(plotted, config);
  const blockColumn = OVERVIEW_HEADERS.length + CHART_DATA_GAP;
  placeBlock(table, { header: [OVERVIEW_CHART_DATA_CAPTION], rows: [] }, { row: headerRow - 1, column: blockColumn });
  const range = placeBlock(table, block, { row: headerRow, column: blockColumn });
  const charts: ChartSpec[] = [
    {
      id: OVERVIEW_CHART_ID,
      title: OVERVIEW_CHART_TITLE,
      kind: 'line',
      xTitle: OVERVIEW_CHART_X_TITLE,
      yTitle: 'Progresso médio (%)',
      range,
      series: block.series,
      position: { row: headerRow + summary.length + 1, column: 0 },
    },
  ];

  const rowStyles: RowStyle[] = [
    { row: 0, bold: true, fontSize: 14 },
    { row: 1, bold: true, fontSize: 11 },
    ...(withoutGoal.length > 0 ? [{ row: 2, fontColor: '#7f5a00', background: '#fef7e0' }] : []),
    { row: headerRow - 1, fontColor: '#5f6368' },
    ...histories.flatMap((history, index): RowStyle[] => {
      const background = rowBackground(shareAtRisk(history));
      return background === null ? [] : [{ row: headerRow + 1 + index, background }];
    }),
  ];
  return {
    sheetName: REPORT_SHEET.overview,
    table: rectangular(table),
    headerRow,
    rows: summary,
    columnFormats: [...OVERVIEW_FORMATS],
    rowStyles,
    hiddenColumns: Array.from({ length: range.columns }, (_, offset) => blockColumn + offset),
    charts,
  };
}
