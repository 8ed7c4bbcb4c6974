// A cohort's `Histórico` rows regrouped by student and week: the shared input of pivot, charts, overview and contacts.

import { standInProductName } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import type { CohortConfig } from '../model/cohort';
import type { ProductId, StudentId } from '../model/ids';
import { type Situation, weeksWithoutProgress } from '../model/status';
import { addDays, type LocalDate, mondayOf } from '../time/local-date';

const DAY_MS = 86_400_000;

/** One student in one cohort in one week (all product rows folded together). */
export interface StudentWeekSummary {
  readonly week: LocalDate;
  readonly studentId: StudentId;
  readonly name: string;
  readonly email: string;
  /** Mean progress over the cohort's tracked products recorded that week (all products if none is tracked), unrounded. */
  readonly mean: number;
  readonly progressByProduct: ReadonlyMap<ProductId, number>;
  readonly expected: number | null;
  readonly situation: Situation;
  readonly lastAccessAt: number | null;
  readonly collectedAt: number;
  /** Every product row of the week was carried forward (`Mantido`), none collected. */
  readonly carried: boolean;
}

/** A current member of a cohort, with the derived figures the reports show. */
export interface CohortStudent {
  readonly studentId: StudentId;
  /** The weeks recorded under this cohort, oldest first (weeks under other cohorts are not here). */
  readonly weeks: readonly StudentWeekSummary[];
  readonly latest: StudentWeekSummary;
  readonly previous: StudentWeekSummary | null;
  /** Consecutive recorded weeks, ending with the latest, in which the mean did not rise. */
  readonly weeksWithoutProgress: number;
  /** Change of the mean since the previous recorded week; null in a first week. */
  readonly weekDelta: number | null;
  /** Whole days from the last access to the latest collection; null when the student never accessed. */
  readonly daysWithoutAccess: number | null;
}

export interface CohortHistory {
  readonly cohort: CohortConfig;
  /** Each week from the Monday of the cohort's start to its last recorded week (and any earlier recorded week), oldest first. */
  readonly weeks: readonly LocalDate[];
  readonly lastWeek: LocalDate | null;
  /**
   * Current members: students whose most recent week up to the cohort's last week has a row in this
   * cohort. A student who moved on is listed under the new cohort only; an archived cohort keeps the
   * students it had when it stopped.
   */
  readonly students: readonly CohortStudent[];
  /** Every student-week recorded under the cohort, members or not (what the charts count). */
  readonly byWeek: ReadonlyMap<LocalDate, readonly StudentWeekSummary[]>;
  /** Product names from the cohort's latest rows, else from any cohort's. */
  readonly productNames: ReadonlyMap<ProductId, string>;
}

interface HistoryGroups {
  readonly byCohort: Map<string, HistoryRow[]>;
  /** studentId → week → names of the cohorts with a row that week. */
  readonly cohortsByStudentWeek: Map<StudentId, Map<LocalDate, Set<string>>>;
  /** productId → its name in the most recent row that names it, any cohort. */
  readonly productNames: Map<ProductId, { week: LocalDate; name: string }>;
}

// Hosts build every report from the same array: group it once (do not mutate it afterwards).
const groupsCache = new WeakMap<readonly HistoryRow[], HistoryGroups>();

function groupHistory(rows: readonly HistoryRow[]): HistoryGroups {
  const cached = groupsCache.get(rows);
  if (cached) return cached;
  const byCohort = new Map<string, HistoryRow[]>();
  const cohortsByStudentWeek = new Map<StudentId, Map<LocalDate, Set<string>>>();
  const productNames = new Map<ProductId, { week: LocalDate; name: string }>();
  for (const row of rows) {
    noteProductName(productNames, row);
    const list = byCohort.get(row.cohort) ?? [];
    list.push(row);
    byCohort.set(row.cohort, list);
    const weeks = cohortsByStudentWeek.get(row.studentId) ?? new Map<LocalDate, Set<string>>();
    const cohorts = weeks.get(row.week) ?? new Set<string>();
    cohorts.add(row.cohort);
    weeks.set(row.week, cohorts);
    cohortsByStudentWeek.set(row.studentId, weeks);
  }
  const groups = { byCohort, cohortsByStudentWeek, productNames };
  groupsCache.set(rows, groups);
  return groups;
}

/**
 * Notes a row's product name, the latest week's winning. The stand-in `Produto N` (written while the
 * name was unknown) is no name, as for HistoryIndex: it must not hide the real name that another
 * week or cohort recorded.
 */
function noteProductName(names: Map<ProductId, { week: LocalDate; name: string }>, row: HistoryRow): void {
  const name = row.productName.trim();
  if (name === '' || name === standInProductName(row.productId)) return;
  const known = names.get(row.productId);
  if (!known || known.week <= row.week) names.set(row.productId, { week: row.week, name });
}

function summarizeWeek(rows: readonly HistoryRow[], trackedIds: readonly ProductId[]): StudentWeekSummary {
  const progressByProduct = new Map<ProductId, number>();
  for (const row of rows) progressByProduct.set(row.productId, row.progress);
  const tracked = [...progressByProduct.entries()].filter(([id]) => trackedIds.includes(id));
  const counted = tracked.length > 0 ? tracked : [...progressByProduct.entries()];
  const accesses = rows.map((row) => row.lastAccessAt).filter((at): at is number => at !== null);
  const last = rows[rows.length - 1];
  if (last === undefined) throw new Error('summarizeWeek: a student week with no row');
  return {
    week: last.week,
    studentId: last.studentId,
    name: last.name,
    email: last.email,
    mean: counted.reduce((sum, [, progress]) => sum + progress, 0) / counted.length,
    progressByProduct,
    expected: rows.find((row) => row.expected !== null)?.expected ?? null,
    situation: last.situation,
    lastAccessAt: accesses.length === 0 ? null : Math.max(...accesses),
    collectedAt: Math.max(...rows.map((row) => row.collectedAt)),
    carried: rows.every((row) => row.origin === 'Mantido'),
  };
}

function describeStudent(weeks: readonly StudentWeekSummary[]): CohortStudent {
  const latest = weeks[weeks.length - 1];
  if (latest === undefined) throw new Error('describeStudent: a student with no week');
  const previous = weeks[weeks.length - 2] ?? null;
  return {
    studentId: latest.studentId,
    weeks,
    latest,
    previous,
    weeksWithoutProgress: weeksWithoutProgress(
      weeks.slice(0, -1).map((week) => week.mean),
      latest.mean,
    ),
    weekDelta: previous === null ? null : latest.mean - previous.mean,
    daysWithoutAccess: latest.lastAccessAt === null ? null : Math.max(0, Math.floor((latest.collectedAt - latest.lastAccessAt) / DAY_MS)),
  };
}

/** The most recent week of `weeks` not after `limit`. */
function latestUpTo(weeks: Iterable<LocalDate>, limit: LocalDate): LocalDate | null {
  let best: LocalDate | null = null;
  for (const week of weeks) if (week <= limit && (best === null || week > best)) best = week;
  return best;
}

function weekGrid(cohort: CohortConfig, recorded: readonly LocalDate[], lastWeek: LocalDate | null): LocalDate[] {
  const weeks = new Set(recorded);
  if (lastWeek !== null) for (let week = mondayOf(cohort.start); week <= lastWeek; week = addDays(week, 7)) weeks.add(week);
  return [...weeks].sort();
}

// The pivot, charts, overview and contacts of one run all summarize the same cohorts.
const summaryCache = new WeakMap<readonly HistoryRow[], WeakMap<CohortConfig, CohortHistory>>();

/**
 * Regroups the rows recorded under `cohort.name` by student and week and finds the cohort's current
 * members. Memoized per (rows array, cohort object): do not mutate `rows` after passing it.
 */
export function summarizeCohort(rows: readonly HistoryRow[], cohort: CohortConfig): CohortHistory {
  const cache = summaryCache.get(rows) ?? new WeakMap<CohortConfig, CohortHistory>();
  summaryCache.set(rows, cache);
  const cached = cache.get(cohort);
  if (cached) return cached;
  const history = buildCohortHistory(groupHistory(rows), cohort);
  cache.set(cohort, history);
  return history;
}

function buildCohortHistory(groups: HistoryGroups, cohort: CohortConfig): CohortHistory {
  const cohortRows = groups.byCohort.get(cohort.name) ?? [];
  const byStudentWeek = new Map<StudentId, Map<LocalDate, HistoryRow[]>>();
  const productNames = new Map<ProductId, { week: LocalDate; name: string }>();
  for (const row of cohortRows) {
    const weeks = byStudentWeek.get(row.studentId) ?? new Map<LocalDate, HistoryRow[]>();
    const weekRows = weeks.get(row.week) ?? [];
    weekRows.push(row);
    weeks.set(row.week, weekRows);
    byStudentWeek.set(row.studentId, weeks);
    noteProductName(productNames, row);
  }

  const byWeek = new Map<LocalDate, StudentWeekSummary[]>();
  const summariesByStudent = new Map<StudentId, StudentWeekSummary[]>();
  for (const [studentId, weeks] of byStudentWeek) {
    const summaries = [...weeks.keys()].sort().map((week) => summarizeWeek(weeks.get(week)!, cohort.productIds));
    summariesByStudent.set(studentId, summaries);
    for (const summary of summaries) {
      const list = byWeek.get(summary.week) ?? [];
      list.push(summary);
      byWeek.set(summary.week, list);
    }
  }
  const recorded = [...byWeek.keys()].sort();
  const lastWeek = recorded[recorded.length - 1] ?? null;

  const students: CohortStudent[] = [];
  for (const [studentId, summaries] of summariesByStudent) {
    const allWeeks = groups.cohortsByStudentWeek.get(studentId)!;
    const reference = latestUpTo(allWeeks.keys(), lastWeek!);
    if (reference !== null && allWeeks.get(reference)!.has(cohort.name)) students.push(describeStudent(summaries));
  }
  return {
    cohort,
    weeks: weekGrid(cohort, recorded, lastWeek),
    lastWeek,
    students,
    byWeek,
    productNames: new Map([...groups.productNames, ...productNames].map(([id, entry]) => [id, entry.name])),
  };
}

/** `dd/mm` of a week key. */
export function dayMonth(week: LocalDate): string {
  return `${week.slice(8, 10)}/${week.slice(5, 7)}`;
}
