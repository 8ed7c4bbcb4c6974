// "Today" for a run: `--date` pins it (at the configured hour, school time), otherwise the real now.

import type { Settings } from '../core/model/settings';
import type { LocalDate } from '../core/time/local-date';
import { epochOfWallTime } from '../core/time/zoned';

/** The instant of a run on `date` (an ISO LocalDate, as dateOption parses `--date`), or the real now without one. */
export function runInstant(date: LocalDate | undefined, settings: Pick<Settings, 'timeZone' | 'runHour'>, realNow = Date.now()): number {
  if (date === undefined) return realNow;
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return epochOfWallTime({ year, month, day, hour: settings.runHour, minute: 0, second: 0 }, settings.timeZone);
}
