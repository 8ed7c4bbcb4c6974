// A cohort's figures per week since its start, from everyone recorded under it that week: what the charts plot.

import { expectedFor, type GoalTrack, weeksSinceStart } from '../model/goals';
import { SITUATIONS, type Situation } from '../model/status';
import type { LocalDate } from '../time/local-date';
import type { CohortHistory } from './cohort-history';
import { mean, median } from './statistics';

export interface WeekStats {
  readonly week: LocalDate;
  /** Weeks since the cohort's start (0 in the starting week). */
  readonly weekNumber: number;
  /** False for a week with no row at all (then every figure below is null or 0). */
  readonly recorded: boolean;
  /** Students recorded that week, dropouts excluded. */
  readonly students: number;
  /** Mean and median of the students' mean progress, dropouts excluded; unrounded. */
  readonly mean: number | null;
  readonly median: number | null;
  /** The cohort's expected progress that week from `Metas`; null without a goal track. */
  readonly expected: number | null;
  /** Students per stored situation that week, dropouts included. */
  readonly counts: Readonly<Record<Situation, number>>;
}

/** One entry per week of `history.weeks`, oldest first. */
export function weeklyStats(history: CohortHistory, goalTracks: ReadonlyMap<string, GoalTrack>): WeekStats[] {
  return history.weeks.map((week) => {
    const summaries = history.byWeek.get(week) ?? [];
    const progress = summaries.filter((summary) => summary.situation !== 'Desistente').map((summary) => summary.mean);
    const counts = Object.fromEntries(SITUATIONS.map((situation) => [situation, 0])) as Record<Situation, number>;
    for (const summary of summaries) counts[summary.situation]++;
    return {
      week,
      weekNumber: weeksSinceStart(history.cohort, week),
      recorded: summaries.length > 0,
      students: progress.length,
      mean: mean(progress),
      median: median(progress),
      expected: expectedFor(history.cohort, week, goalTracks),
      counts,
    };
  });
}
