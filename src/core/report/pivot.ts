// `Turma <nome>`: one row per current student of a cohort, their flag and why, products and weekly progress.

import type { SchoolConfig } from '../config/load-config';
import { standInProductName } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import { reportSheetNames } from '../identity/sheet-names';
import type { CohortConfig } from '../model/cohort';
import type { ConditionalFormatSpec } from '../workbook/sheet-specs';
import type { Cell } from '../workbook/workbook';
import { type CohortHistory, type CohortStudent, dayMonth, summarizeCohort } from './cohort-history';
import { explainSituation } from './situation-reason';
import { ATTENTION_ORDER, attentionRank, SITUATION_STYLE } from './situation-style';
import { round1, round1OrNull } from './statistics';

/** The fixed leading columns of a pivot; product columns and then week columns follow. */
export const PIVOT_HEADERS = [
  'Aluno',
  'E-mail',
  'Tutor',
  'Situação',
  'Motivo',
  'Progresso (%)',
  'Esperado (%)',
  'Diferença (pp)',
  'Δ semana (pp)',
  'Semanas parado',
  'Dias sem acesso',
] as const;

const COLUMN = Object.fromEntries(PIVOT_HEADERS.map((name, index) => [name, index])) as Record<(typeof PIVOT_HEADERS)[number], number>;
const FIXED_FORMATS: readonly (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, '0.0', '0.0', '0.0', '0.0', '0', '0'];
const PERCENT_SCALE = { min: { color: '#e67c73', value: 0 }, mid: { color: '#ffd666', value: 50 }, max: { color: '#57bb8a', value: 100 } };

export interface PivotTable {
  readonly sheetName: string;
  readonly header: string[];
  /** Data rows, header excluded. */
  readonly rows: Cell[][];
  /** Column of `Situação`. */
  readonly situationColumn: number;
  /** Columns holding percentages: `Progresso (%)`, `Esperado (%)`, each product and each week. */
  readonly progressColumns: number[];
  /** Number format per column ('0.0', '0' or undefined). */
  readonly columnFormats: (string | undefined)[];
  readonly frozenRows: 1;
  readonly frozenColumns: 1;
  /** Over the data rows (header excluded). */
  readonly conditionalFormats: ConditionalFormatSpec[];
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

/** Product headers: the product's name, made unique (the ID is added when a name repeats or clashes). */
function productHeaders(history: CohortHistory): string[] {
  const used = new Set<string>(PIVOT_HEADERS.map((name) => name.toLowerCase()));
  return history.cohort.productIds.map((id) => {
    const name = history.productNames.get(id) ?? standInProductName(id);
    const header = used.has(name.toLowerCase()) ? `${name} (ID ${id})` : name;
    used.add(header.toLowerCase());
    return header;
  });
}

function difference(student: CohortStudent): number | null {
  return student.latest.expected === null ? null : student.latest.mean - student.latest.expected;
}

/** Attention order, then the furthest behind (or, without a goal, the least progressed), then by name. */
function compareStudents(a: CohortStudent, b: CohortStudent): number {
  const rank = attentionRank(a.latest.situation) - attentionRank(b.latest.situation);
  if (rank !== 0) return rank;
  const gap = (difference(a) ?? a.latest.mean) - (difference(b) ?? b.latest.mean);
  if (Math.abs(gap) > 1e-9) return gap;
  return a.latest.name.localeCompare(b.latest.name, 'pt-BR') || a.studentId - b.studentId;
}

/** Sorts a cohort's current students the way the pivot lists them. */
function sortForAttention(students: readonly CohortStudent[]): CohortStudent[] {
  return [...students].sort(compareStudents);
}

/**
 * The pivot of one cohort from the decoded `Histórico` rows: one row per current student (a
 * student who moved keeps their old weeks under the old cohort only), students needing attention
 * first and dropouts last; every number rounded to one decimal. Week columns run from the cohort's
 * start to its last recorded week (header `dd/mm`; empty when the student has no row that week).
 * Student names are plain strings: hosts make text formula-safe.
 */
export function buildCohortPivot(rows: readonly HistoryRow[], cohort: CohortConfig, config: SchoolConfig, options: PivotOptions = {}): PivotTable {
  const history = summarizeCohort(rows, cohort);
  const { settings } = config;
  const products = productHeaders(history);
  const header = [...PIVOT_HEADERS, ...products, ...history.weeks.map(dayMonth)];
  const firstProduct = PIVOT_HEADERS.length;

  const students = sortForAttention(history.students);
  const table = students.map((student): Cell[] => {
    const { latest } = student;
    const weekMeans = new Map(student.weeks.map((week) => [week.week, week.mean]));
    return [
      latest.name,
      latest.email,
      cohort.tutorEmail ?? '',
      latest.situation,
      explainSituation(student, cohort, settings, settings.timeZone),
      round1(latest.mean),
      round1OrNull(latest.expected),
      round1OrNull(difference(student)),
      round1OrNull(student.weekDelta),
      student.weeksWithoutProgress,
      student.daysWithoutAccess,
      ...cohort.productIds.map((id) => round1OrNull(latest.progressByProduct.get(id) ?? null)),
      ...history.weeks.map((week) => round1OrNull(weekMeans.get(week) ?? null)),
    ];
  });

  const lastColumn = header.length - 1;
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
    { kind: 'gradient', columnRange: [COLUMN['Progresso (%)'], COLUMN['Progresso (%)']], ...PERCENT_SCALE },
    {
      kind: 'gradient',
      columnRange: [COLUMN['Diferença (pp)'], COLUMN['Diferença (pp)']],
      min: { color: '#e67c73', value: -settings.riskPoints },
      mid: { color: '#ffffff', value: 0 },
      max: { color: '#57bb8a', value: settings.riskPoints },
    },
    {
      kind: 'gradient',
      columnRange: [COLUMN['Semanas parado'], COLUMN['Semanas parado']],
      min: { color: '#ffffff', value: 0 },
      max: { color: '#e67c73', value: settings.stalledWeeks },
    },
    {
      kind: 'gradient',
      columnRange: [COLUMN['Dias sem acesso'], COLUMN['Dias sem acesso']],
      min: { color: '#ffffff', value: 0 },
      max: { color: '#e67c73', value: settings.riskDaysWithoutAccess },
    },
    ...(lastColumn >= firstProduct ? [{ kind: 'gradient', columnRange: [firstProduct, lastColumn], ...PERCENT_SCALE } as const] : []),
  ];

  return {
    sheetName: reportSheetNames(cohortNames(config, cohort)).get(cohort.name)!.pivot,
    header,
    rows: table,
    situationColumn: COLUMN.Situação,
    progressColumns: [COLUMN['Progresso (%)'], COLUMN['Esperado (%)'], ...range(firstProduct, lastColumn + 1)],
    columnFormats: [...FIXED_FORMATS, ...new Array<string>(lastColumn + 1 - firstProduct).fill('0.0')],
    frozenRows: 1,
    frozenColumns: 1,
    conditionalFormats,
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
