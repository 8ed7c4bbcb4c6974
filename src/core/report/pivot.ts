// `Turma <nome>`: one row per current student of a cohort, their flag and why, products and weekly
// progress, under a title (cohort, tutor, week) and a one-line legend of the colours.

import type { SchoolConfig } from '../config/load-config';
import { standInProductName } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import { cohortTitleName, reportSheetNames } from '../identity/sheet-names';
import { PIVOT_NO_GOAL_LEGEND, pivotColourLegend, pivotTitle } from '../messages/reports';
import { type CohortConfig, tutorLabel } from '../model/cohort';
import { expectedFor, weeksSinceStart } from '../model/goals';
import { compareIds } from '../model/ids';
import { DECIMAL_FORMAT, INTEGER_FORMAT, SIGNED_POINTS_FORMAT } from '../sheets';
import { formatBrDate } from '../time/pt-br-dates';
import type { ConditionalFormatSpec, RowStyle } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';
import { type CohortHistory, type CohortStudent, dayMonth, summarizeCohort } from './cohort-history';
import { explainSituation } from './situation-reason';
import { ATTENTION_ORDER, attentionRank, SITUATION_STYLE } from './situation-style';
import { round1, round1OrNull } from './statistics';

/** The fixed leading columns of a pivot; product columns and then week columns follow. */
export const PIVOT_HEADERS = [
  'Aluno',
  'E-mail',
  'Situação',
  'Motivo',
  'Progresso (%)',
  'Esperado (%)',
  'Diferença do esperado (pontos)',
  'Variação na semana (pontos)',
  'Semanas sem avanço',
  'Dias sem acesso',
] as const;

/** The header's row: the title (cohort, tutor, week) and the colours' legend sit above it. */
export const PIVOT_HEADER_ROW = 2;

const COLUMN = Object.fromEntries(PIVOT_HEADERS.map((name, index) => [name, index])) as Record<(typeof PIVOT_HEADERS)[number], number>;
const DIFFERENCE = COLUMN['Diferença do esperado (pontos)'];
const FIXED_FORMATS: readonly (string | undefined)[] = [
  undefined,
  undefined,
  undefined,
  undefined,
  DECIMAL_FORMAT,
  DECIMAL_FORMAT,
  SIGNED_POINTS_FORMAT,
  SIGNED_POINTS_FORMAT,
  INTEGER_FORMAT,
  INTEGER_FORMAT,
];
/** A reason may be long ("20 dias sem acesso · sem avanço há 2 semanas · …"): wrapped at this width. */
const REASON_WIDTH_PX = 260;

/** The distance-to-expected scale: red at `riskPoints` below (the `Em risco` line), white on the curve, green as far above. */
const BEHIND_COLOR = '#e67c73';
const ON_PACE_COLOR = '#ffffff';
const AHEAD_COLOR = '#57bb8a';

const TITLE_STYLE = { bold: true, fontSize: 12 } as const;
const LEGEND_STYLE = { fontColor: '#5f6368' } as const;

export interface PivotTable {
  readonly sheetName: string;
  /** The rows above the header: the title, then the legend. */
  readonly titleRows: Cell[][];
  readonly header: string[];
  /** Data rows, header excluded. */
  readonly rows: Cell[][];
  /** Index of the header among the sheet's rows (title rows first). */
  readonly headerRow: typeof PIVOT_HEADER_ROW;
  /** Column of `Situação`. */
  readonly situationColumn: number;
  /** Columns holding percentages: `Progresso (%)`, `Esperado (%)`, each product and each week. */
  readonly progressColumns: number[];
  /** Number format per column. */
  readonly columnFormats: (string | undefined)[];
  /** The title, legend and header stay in view. */
  readonly frozenRows: number;
  readonly frozenColumns: 1;
  /** Over the data rows (below the header). */
  readonly conditionalFormats: ConditionalFormatSpec[];
  /** Title and legend rows (0-based sheet rows). */
  readonly rowStyles: RowStyle[];
  readonly wrappedColumns: number[];
  readonly columnWidths: (number | undefined)[];
  /** Hosts put a filter on the header. */
  readonly filter: true;
  /** The cohort is no longer synced: hosts mark the sheet (tab colour, name note); the table itself is the same. */
  readonly archived: boolean;
  /** Indices into `rows` of the students marked `Desistente` (hosts may grey or group them). */
  readonly dropoutRows: number[];
}

export interface PivotOptions {
  /** Defaults to the cohort being inactive in `Turmas`. */
  readonly archived?: boolean;
}

/** Product headers: the product's Cademi name, made unique (the ID is added when a name repeats or clashes). */
function productHeaders(history: CohortHistory): string[] {
  const used = new Set<string>(PIVOT_HEADERS.map((name) => name.toLowerCase()));
  return history.cohort.productIds.map((id) => {
    const name = history.productNames.get(id) ?? standInProductName(id);
    const header = used.has(name.toLowerCase()) ? `${name} (ID ${id})` : name;
    used.add(header.toLowerCase());
    return header;
  });
}

/**
 * Progress minus expected, in points, as the row shows them (each rounded to one decimal first), so
 * the difference is the one a reader computes from the two columns; negative = behind.
 */
function difference(student: CohortStudent): number | null {
  const { latest } = student;
  return latest.expected === null ? null : round1(round1(latest.mean) - round1(latest.expected));
}

/** Attention order, then the furthest behind (or, without a goal, the least progressed), then by name. */
function compareStudents(a: CohortStudent, b: CohortStudent): number {
  const rank = attentionRank(a.latest.situation) - attentionRank(b.latest.situation);
  if (rank !== 0) return rank;
  const gap = (difference(a) ?? a.latest.mean) - (difference(b) ?? b.latest.mean);
  if (Math.abs(gap) > 1e-9) return gap;
  return a.latest.name.localeCompare(b.latest.name, 'pt-BR') || compareIds(a.studentId, b.studentId);
}

/** Sorts a cohort's current students the way the pivot lists them. */
function sortForAttention(students: readonly CohortStudent[]): CohortStudent[] {
  return [...students].sort(compareStudents);
}

/**
 * The expected progress of each week column: what the students were measured against that week
 * (the stored `Esperado (%)`), else the current goal track's value; null without a goal.
 */
function weekExpectations(history: CohortHistory, config: SchoolConfig): (number | null)[] {
  return history.weeks.map((week) => {
    const stored = (history.byWeek.get(week) ?? []).find((summary) => summary.expected !== null)?.expected;
    return stored ?? expectedFor(history.cohort, week, config.goalTracks);
  });
}

/** A red–white–green scale centred on `expected`, the colours at `span` points either side. */
function distanceScale(columnRange: readonly [number, number], expected: number, span: number): ConditionalFormatSpec {
  return {
    kind: 'gradient',
    columnRange,
    min: { color: BEHIND_COLOR, value: round1(expected - span) },
    mid: { color: ON_PACE_COLOR, value: round1(expected) },
    max: { color: AHEAD_COLOR, value: round1(expected + span) },
  };
}

/** One scale per run of adjacent week columns with the same expected value (most weeks differ; a held track does not). */
function weekScales(firstWeekColumn: number, expectations: readonly (number | null)[], span: number): ConditionalFormatSpec[] {
  const scales: ConditionalFormatSpec[] = [];
  let start = 0;
  for (let index = 1; index <= expectations.length; index++) {
    if (index < expectations.length && expectations[index] === expectations[start]) continue;
    const expected = expectations[start];
    if (expected !== null && expected !== undefined) scales.push(distanceScale([firstWeekColumn + start, firstWeekColumn + index - 1], expected, span));
    start = index;
  }
  return scales;
}

/**
 * The pivot of one cohort from the decoded `Histórico` rows: one row per current student (a
 * student who moved keeps their old weeks under the old cohort only), students needing attention
 * first and dropouts last; every number rounded to one decimal. Week columns run from the cohort's
 * start to its last recorded week (header `dd/mm`, the student's mean progress that week; empty
 * when the student has no row that week). Colours say how far from the expected curve a student
 * is, not how far along: a week's cells on a scale centred on that week's expected value, the
 * difference column on one centred on 0 (a cohort without a goal gets no such colours). Student
 * names are plain strings: hosts make text formula-safe.
 */
export function buildCohortPivot(rows: readonly HistoryRow[], cohort: CohortConfig, config: SchoolConfig, options: PivotOptions = {}): PivotTable {
  const history = summarizeCohort(rows, cohort);
  const { settings } = config;
  const products = productHeaders(history);
  const header = [...PIVOT_HEADERS, ...products, ...history.weeks.map(dayMonth)];
  const firstProduct = PIVOT_HEADERS.length;
  const firstWeek = firstProduct + products.length;
  const hasGoal = cohort.goalTrack !== null && config.goalTracks.has(cohort.goalTrack);

  const students = sortForAttention(history.students);
  const table = students.map((student): Cell[] => {
    const { latest } = student;
    const weekMeans = new Map(student.weeks.map((week) => [week.week, week.mean]));
    return [
      latest.name,
      latest.email,
      latest.situation,
      explainSituation(student, settings),
      round1(latest.mean),
      round1OrNull(latest.expected),
      difference(student),
      round1OrNull(student.weekDelta),
      student.weeksWithoutProgress,
      student.daysWithoutAccess,
      ...cohort.productIds.map((id) => round1OrNull(latest.progressByProduct.get(id) ?? null)),
      ...history.weeks.map((week) => round1OrNull(weekMeans.get(week) ?? null)),
    ];
  });

  const lastColumn = header.length - 1;
  const span = settings.riskPoints;
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...ATTENTION_ORDER.map(
      (situation): ConditionalFormatSpec => ({
        kind: 'text-equals',
        column: COLUMN.Situação,
        text: situation,
        background: SITUATION_STYLE[situation].background,
        fontColor: SITUATION_STYLE[situation].fontColor,
      }),
    ),
    ...(hasGoal ? [distanceScale([DIFFERENCE, DIFFERENCE], 0, span), ...weekScales(firstWeek, weekExpectations(history, config), span)] : []),
    {
      kind: 'gradient',
      columnRange: [COLUMN['Semanas sem avanço'], COLUMN['Semanas sem avanço']],
      min: { color: ON_PACE_COLOR, value: 0 },
      max: { color: BEHIND_COLOR, value: settings.stalledWeeks },
    },
    {
      kind: 'gradient',
      columnRange: [COLUMN['Dias sem acesso'], COLUMN['Dias sem acesso']],
      min: { color: ON_PACE_COLOR, value: 0 },
      max: { color: BEHIND_COLOR, value: settings.riskDaysWithoutAccess },
    },
  ];

  const lastWeek = history.lastWeek;
  const title = pivotTitle(
    cohortTitleName(cohort.name),
    tutorLabel(cohort),
    lastWeek === null ? null : { number: weeksSinceStart(cohort, lastWeek), date: formatBrDate(lastWeek) },
  );
  return {
    sheetName: reportSheetNames(cohortNames(config, cohort)).get(cohort.name)!.pivot,
    titleRows: [[title], [hasGoal ? pivotColourLegend(span) : PIVOT_NO_GOAL_LEGEND]],
    header,
    rows: table,
    headerRow: PIVOT_HEADER_ROW,
    situationColumn: COLUMN.Situação,
    progressColumns: [COLUMN['Progresso (%)'], COLUMN['Esperado (%)'], ...range(firstProduct, lastColumn + 1)],
    columnFormats: [...FIXED_FORMATS, ...new Array<string>(lastColumn + 1 - firstProduct).fill(DECIMAL_FORMAT)],
    frozenRows: PIVOT_HEADER_ROW + 1,
    frozenColumns: 1,
    conditionalFormats,
    rowStyles: [
      { row: 0, ...TITLE_STYLE },
      { row: 1, ...LEGEND_STYLE },
    ],
    wrappedColumns: [COLUMN.Motivo],
    columnWidths: PIVOT_HEADERS.map((name) => (name === 'Motivo' ? REASON_WIDTH_PX : undefined)),
    filter: true,
    archived: options.archived ?? !cohort.active,
    dropoutRows: students.flatMap((student, index) => (student.latest.situation === 'Desistente' ? [index] : [])),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}

/** Every configured cohort's name (in `Turmas` order), with `cohort`'s if it is not configured. */
export function cohortNames(config: SchoolConfig, cohort?: CohortConfig): string[] {
  const names = config.cohorts.map((entry) => entry.name);
  return cohort && !names.includes(cohort.name) ? [...names, cohort.name] : names;
}
