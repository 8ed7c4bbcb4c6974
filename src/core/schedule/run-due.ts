// When the weekly run is due: the configured weekday and hour have passed in the school's week,
// and that week has not been completed yet.

import type { Settings } from '../model/settings';
import { daysBetween, type LocalDate, localDateOf, mondayOf, weekKeyOf } from '../time/local-date';
import { wallTimeOf } from '../time/zoned';

export interface RunHistory {
  /** The last week written to `Histórico` by a completed run. */
  readonly lastCompletedWeek: LocalDate | null;
  /** When the last failed run ended (epoch ms), to retry at most once an hour. */
  readonly lastFailureAt: number | null;
}

const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

export function isWeeklyRunDue(now: number, settings: Pick<Settings, 'timeZone' | 'runWeekday' | 'runHour'>, history: RunHistory): boolean {
  const week = weekKeyOf(now, settings.timeZone);
  if (history.lastCompletedWeek !== null && history.lastCompletedWeek >= week) return false;
  if (history.lastFailureAt !== null && now - history.lastFailureAt < RETRY_AFTER_FAILURE_MS) return false;
  const today = localDateOf(now, settings.timeZone);
  const weekday = daysBetween(mondayOf(today), today) + 1; // 1 = Monday … 7 = Sunday
  if (weekday > settings.runWeekday) return true;
  return weekday === settings.runWeekday && wallTimeOf(now, settings.timeZone).hour >= settings.runHour;
}
