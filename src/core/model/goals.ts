// Expected-progress tracks (`Metas`): the pace a cohort should keep, by week since its start.

import { daysBetween, type LocalDate, mondayOf } from '../time/local-date';
import type { CohortConfig } from './cohort';

export interface GoalPoint {
  readonly week: number;
  readonly expected: number;
}

export interface GoalTrack {
  readonly name: string;
  /** Sorted by week, expected never decreasing. */
  readonly points: readonly GoalPoint[];
}

/**
 * Expected mean progress (0-100) `weeksSinceStart` weeks into a cohort: linear between points,
 * from 0% at week 0 up to the first point, held after the last point.
 */
export function expectedProgress(track: GoalTrack, weeksSinceStart: number): number {
  const [first] = track.points;
  if (first === undefined) return 0;
  const points = first.week > 0 ? [{ week: 0, expected: 0 }, ...track.points] : track.points;
  let from: GoalPoint | undefined;
  for (const to of points) {
    if (weeksSinceStart <= to.week) {
      if (from === undefined) return to.expected;
      const share = (weeksSinceStart - from.week) / (to.week - from.week);
      return round1(from.expected + share * (to.expected - from.expected));
    }
    from = to;
  }
  // Held after the last point, where the loop left `from` (points is never empty).
  return (from ?? first).expected;
}

/** Whole weeks between the Monday of a cohort's start and `week` (0 in the starting week). */
export function weeksSinceStart(cohort: Pick<CohortConfig, 'start'>, week: LocalDate): number {
  return Math.floor(daysBetween(mondayOf(cohort.start), week) / 7);
}

/** The expected mean progress for a cohort in a week, or null without a goal track. */
export function expectedFor(cohort: CohortConfig, week: LocalDate, tracks: ReadonlyMap<string, GoalTrack>): number | null {
  const track = cohort.goalTrack === null ? undefined : tracks.get(cohort.goalTrack);
  return track ? expectedProgress(track, weeksSinceStart(cohort, week)) : null;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The track `init` writes: a six-month course at an even 4 points a week, for a school to edit. */
export const DEFAULT_GOAL_TRACK: GoalTrack = {
  name: 'Padrão',
  points: [
    { week: 0, expected: 0 },
    { week: 1, expected: 4 },
    { week: 2, expected: 8 },
    { week: 4, expected: 16 },
    { week: 8, expected: 32 },
    { week: 12, expected: 48 },
    { week: 16, expected: 64 },
    { week: 20, expected: 80 },
    { week: 25, expected: 100 },
  ],
};
