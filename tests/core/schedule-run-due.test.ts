// When the weekly run is due: configured weekday and hour in the school's zone, once per week.

import { isWeeklyRunDue } from '../../src/core/schedule/run-due';
import { epochOfWallTime } from '../../src/core/time/zoned';

const settings = { timeZone: 'America/Sao_Paulo', runWeekday: 1, runHour: 6 };
const at = (day: number, hour: number, minute = 0) => epochOfWallTime({ year: 2026, month: 11, day, hour, minute, second: 0 }, settings.timeZone);
const never = { lastCompletedWeek: null, lastFailureAt: null };

describe('isWeeklyRunDue', () => {
  it('is not due before the configured hour on the configured day, and due from then on', () => {
    const lastWeekDone = { lastCompletedWeek: '2026-11-16', lastFailureAt: null };
    expect(isWeeklyRunDue(at(22, 23, 59), settings, lastWeekDone)).toBe(false); // Sunday
    expect(isWeeklyRunDue(at(23, 5, 59), settings, lastWeekDone)).toBe(false); // Monday 05:59
    expect(isWeeklyRunDue(at(23, 6, 0), settings, lastWeekDone)).toBe(true);
    expect(isWeeklyRunDue(at(25, 1, 0), settings, lastWeekDone)).toBe(true); // Wednesday, still not done
  });

  it('catches up a week that was never collected, whatever the day', () => {
    expect(isWeeklyRunDue(at(22, 23, 59), settings, never)).toBe(true); // Sunday: the week of the 16th is owed
    expect(isWeeklyRunDue(at(23, 5, 59), settings, never)).toBe(false); // Monday before 06:00: this week is not due yet
  });

  it('is not due again once the week is complete, and due the next week', () => {
    const done = { lastCompletedWeek: '2026-11-23', lastFailureAt: null };
    expect(isWeeklyRunDue(at(23, 9, 0), settings, done)).toBe(false);
    expect(isWeeklyRunDue(at(29, 23, 0), settings, done)).toBe(false);
    expect(isWeeklyRunDue(at(30, 6, 0), settings, done)).toBe(true);
  });

  it('waits an hour after a failure before trying again', () => {
    const failed = { lastCompletedWeek: '2026-11-16', lastFailureAt: at(23, 6, 5) };
    expect(isWeeklyRunDue(at(23, 6, 30), settings, failed)).toBe(false);
    expect(isWeeklyRunDue(at(23, 7, 6), settings, failed)).toBe(true);
  });

  it('honours a later weekday (Wednesday 14:00) in the school time zone, not UTC', () => {
    const wednesday = { ...settings, runWeekday: 3, runHour: 14 };
    const lastWeekDone = { lastCompletedWeek: '2026-11-16', lastFailureAt: null };
    expect(isWeeklyRunDue(at(24, 23, 0), wednesday, lastWeekDone)).toBe(false); // Tuesday
    expect(isWeeklyRunDue(at(25, 13, 59), wednesday, lastWeekDone)).toBe(false);
    expect(isWeeklyRunDue(at(25, 14, 0), wednesday, lastWeekDone)).toBe(true);
  });
});
