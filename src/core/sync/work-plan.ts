// The week's work once the listings are in, as pure functions: which (student, product) pairs the
// run must settle and in which cohort each student counts, which of them are carried forward
// without a call, and the rows they make. The job holds the state; these only decide.

import type { EffectiveAdjustments } from '../adjustments/effective';
import type { HistoryIndex } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import type { CohortConfig } from '../model/cohort';
import { compareIds, type ProductId, type StudentId } from '../model/ids';
import { pushedKey } from '../push/pushed-sheet';
import type { PushedProgress } from '../push/webhook-events';
import type { LocalDate } from '../time/local-date';
import { studentRows, type WeekContext } from './snapshot';
import type { StagedProgress, StagedSkip, StagedStudent } from './staging';

/** One (student, product) of the week, in the cohort the student counts in. */
export interface WorkItem {
  readonly cohort: CohortConfig;
  readonly student: StagedStudent;
  readonly productId: ProductId;
}

/** The key of a (student, product) pair: of its outcome, its progress request and its staging record. */
export function workKey(studentId: StudentId, productId: ProductId): string {
  return `${studentId}|${productId}`;
}

export interface WorkListInput {
  /** The cohorts this run collects, in `Turmas` order. */
  readonly cohorts: readonly CohortConfig[];
  /** The students a cohort's listing gave (or that were fetched into it). */
  readonly studentsOf: (cohort: string) => Iterable<StagedStudent>;
  readonly adjustments: EffectiveAdjustments;
  readonly week: LocalDate;
  /** A product's name: '' for one Cademi does not know (left out), undefined when not known yet. */
  readonly productName: (productId: ProductId) => string | undefined;
}

/**
 * The week's (student, product) pairs, cohort by cohort in `Turmas` order and students by id. A
 * student listed under several cohorts counts in the one that started last (`conflicts` says how
 * many extra listings there were); a move recorded in `Ajustes` overrides the tags from its week
 * on, and a student moved to a cohort the run does not collect is not counted here at all.
 */
export function buildWorkList(input: WorkListInput): { items: WorkItem[]; conflicts: number } {
  const owner = new Map<StudentId, CohortConfig>();
  const record = new Map<StudentId, StagedStudent>();
  let conflicts = 0;
  for (const cohort of input.cohorts) {
    for (const student of input.studentsOf(cohort.name)) {
      const current = owner.get(student.studentId);
      if (current) conflicts++;
      if (!current || cohort.start >= current.start) owner.set(student.studentId, cohort);
      if (!record.has(student.studentId)) record.set(student.studentId, student);
    }
  }
  const collected = new Map(input.cohorts.map((cohort) => [cohort.name, cohort]));
  for (const studentId of record.keys()) {
    const target = input.adjustments.moveFor(studentId, input.week);
    if (target === null) continue;
    const cohort = collected.get(target);
    if (cohort) owner.set(studentId, cohort);
    else owner.delete(studentId);
  }
  const items: WorkItem[] = [];
  for (const cohort of input.cohorts) {
    const productIds = cohort.productIds.filter((id) => input.productName(id) !== '');
    const students = [...record.values()].filter((student) => owner.get(student.studentId) === cohort).sort((a, b) => compareIds(a.studentId, b.studentId));
    for (const student of students) for (const productId of productIds) items.push({ cohort, student, productId });
  }
  return { items, conflicts };
}

/** A student moved (in `Ajustes`) into a collected cohort whose tag does not list them: fetched one by one. */
export interface MovedStudent {
  readonly studentId: StudentId;
  readonly cohort: string;
}

/** The moved students no listing named, except those the API already said it does not know. */
export function movedStudentsToFetch(
  cohorts: readonly CohortConfig[],
  listed: ReadonlySet<StudentId>,
  missing: ReadonlySet<StudentId>,
  adjustments: EffectiveAdjustments,
  week: LocalDate,
): MovedStudent[] {
  const moved: MovedStudent[] = [];
  for (const cohort of cohorts) {
    for (const studentId of adjustments.movedInto(cohort.name, week)) {
      if (!listed.has(studentId) && !missing.has(studentId)) moved.push({ studentId, cohort: cohort.name });
    }
  }
  return moved;
}

/** Where a value settled without a call comes from: the last snapshot (`carried`) or a webhook (`pushed`). */
export interface CarriedValue {
  readonly source: 'carried' | 'pushed';
  readonly record: StagedProgress;
}

export interface CarrySources {
  /** The weeks before this run's. */
  readonly history: Pick<HistoryIndex, 'latest'>;
  /** The latest progress Cademi pushed by webhook, by `pushedKey`. */
  readonly pushed?: ReadonlyMap<string, PushedProgress>;
}

/**
 * The incremental rule: a student who never accessed, or did not access since their last
 * snapshot, cannot have progressed, so the last value is carried (`Mantido`). A webhook received
 * after the last access (and after the last snapshot) already says where the student is; it
 * carries only the percent, so the lesson count stays the last one the API gave. Otherwise null:
 * the pair must be fetched.
 */
export function carryForward(item: WorkItem, sources: CarrySources): CarriedValue | null {
  const { studentId, lastAccessAt } = item.student;
  const { productId } = item;
  const previous = sources.history.latest(studentId, productId);
  if (lastAccessAt === null || (previous && lastAccessAt <= previous.collectedAt)) {
    return {
      source: 'carried',
      record: {
        kind: 'progress',
        studentId,
        productId,
        progress: previous?.progress ?? 0,
        lessonsCompleted: previous?.lessonsCompleted ?? 0,
        origin: 'Mantido',
      },
    };
  }
  // A webhook names the student as the API knows them (v3's `usr_…` even when the rows use the v1 id).
  const pushed = sources.pushed?.get(pushedKey(item.student.apiId ?? studentId, productId));
  if (pushed && pushed.receivedAt >= lastAccessAt && (!previous || pushed.receivedAt > previous.collectedAt)) {
    return {
      source: 'pushed',
      record: { kind: 'progress', studentId, productId, progress: pushed.percent, lessonsCompleted: previous?.lessonsCompleted ?? 0, origin: 'API' },
    };
  }
  return null;
}

/**
 * The week's rows: one per (student, product) with a value, grouped by student in work-list order.
 * A pair skipped (the API could not answer for it) or not settled gives no row.
 */
export function weekRows(
  context: WeekContext,
  items: readonly WorkItem[],
  outcomeOf: (key: string) => StagedProgress | StagedSkip | undefined,
  droppedOut: (studentId: StudentId) => boolean,
): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let current: { cohort: CohortConfig; student: StagedStudent; progress: StagedProgress[] } | null = null;
  const flush = () => {
    if (current) rows.push(...studentRows(context, current.cohort, current.student, current.progress, droppedOut(current.student.studentId)));
  };
  for (const item of items) {
    if (!current || current.student !== item.student || current.cohort !== item.cohort) {
      flush();
      current = { cohort: item.cohort, student: item.student, progress: [] };
    }
    const outcome = outcomeOf(workKey(item.student.studentId, item.productId));
    if (outcome?.kind === 'progress') current.progress.push(outcome);
  }
  flush();
  return rows;
}
