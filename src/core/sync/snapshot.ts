// Turns what a run collected into the week's `Histórico` rows, each with its expected value and situation.

import { type HistoryIndex, standInProductName } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import type { CohortConfig } from '../model/cohort';
import { expectedFor, type GoalTrack } from '../model/goals';
import type { ProductId } from '../model/ids';
import type { Settings } from '../model/settings';
import { classifyStudent, weeksWithoutProgress } from '../model/status';
import { daysBetween, type LocalDate, localDateOf } from '../time/local-date';
import type { StagedProgress, StagedStudent } from './staging';

const DAY_MS = 86_400_000;

export interface WeekContext {
  readonly week: LocalDate;
  readonly now: number;
  readonly settings: Settings;
  readonly goalTracks: ReadonlyMap<string, GoalTrack>;
  readonly history: HistoryIndex;
  /** Every tracked product's name known so far: fetched in this run or kept in the history. */
  readonly productNames: ReadonlyMap<ProductId, string>;
}

/** The rows of one student in one cohort this week (one per product collected). */
export function studentRows(
  context: WeekContext,
  cohort: CohortConfig,
  student: StagedStudent,
  progress: readonly StagedProgress[],
  droppedOut = false,
): HistoryRow[] {
  if (progress.length === 0) return [];
  const { settings, week, now } = context;
  const today = localDateOf(now, settings.timeZone);
  const mean = progress.reduce((sum, item) => sum + item.progress, 0) / progress.length;
  const productIds = progress.map((item) => item.productId);
  const past = context.history.weeklyMeans(student.studentId, productIds).filter((entry) => entry.week < week);
  const joined =
    student.createdAt !== null && localDateOf(student.createdAt, settings.timeZone) > cohort.start
      ? localDateOf(student.createdAt, settings.timeZone)
      : cohort.start;
  const expected = expectedFor(cohort, week, context.goalTracks);
  const { situation } = classifyStudent(
    {
      progress: mean,
      expected,
      daysWithoutAccess: student.lastAccessAt === null ? null : Math.max(0, Math.floor((now - student.lastAccessAt) / DAY_MS)),
      weeksWithoutProgress: weeksWithoutProgress(
        past.map((entry) => entry.mean),
        mean,
      ),
      daysInCohort: daysBetween(joined, today),
      droppedOut,
    },
    settings,
  );
  return progress.map((item) => ({
    week,
    cohort: cohort.name,
    studentId: student.studentId,
    name: student.name,
    email: student.email,
    productId: item.productId,
    productName: context.productNames.get(item.productId) ?? standInProductName(item.productId),
    progress: item.progress,
    lessonsCompleted: item.lessonsCompleted,
    lastAccessAt: student.lastAccessAt,
    expected,
    situation,
    origin: item.origin,
    collectedAt: now,
    // A carried row is last week's row again: without a phone from this run it keeps the one it had.
    phone: student.phone ?? (item.origin === 'Mantido' ? (context.history.latest(student.studentId, item.productId)?.phone ?? null) : null),
  }));
}
