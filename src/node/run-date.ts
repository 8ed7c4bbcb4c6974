// "Today" for a run: `--date` pins it (at the configured hour, school time), otherwise the real now.

import { badDateOption } from '../core/messages/cli';
import type { Settings } from '../core/model/settings';
import { parseLocalDate } from '../core/time/local-date';
import { epochOfWallTime } from '../core/time/zoned';
import { UsageError } from './cli-io';

export function runInstant(date: string | undefined, settings: Pick<Settings, 'timeZone' | 'runHour'>, realNow = Date.now()): number {
  if (date === undefined) return realNow;
  const parsed = parseLocalDate(date);
  if (!parsed) throw new UsageError(badDateOption('--date', date));
  // parseLocalDate accepts only `yyyy-mm-dd`: the parts sit at fixed positions.
  const [year, month, day] = [Number(parsed.slice(0, 4)), Number(parsed.slice(5, 7)), Number(parsed.slice(8, 10))];
  return epochOfWallTime({ year, month, day, hour: settings.runHour, minute: 0, second: 0 }, settings.timeZone);
}
