// The simulated school's day grid in São Paulo time, with fast Cademi-style date formatting.

import { addDays, daysBetween, type LocalDate, startOfLocalDate } from '../core/time/local-date';
import { wallTimeOf } from '../core/time/zoned';

/** The zone of the simulated school (Cademi writes zone-less times in this zone). */
export const SCHOOL_TIME_ZONE = 'America/Sao_Paulo';

const HOUR_MS = 3_600_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * Calendar days numbered from a first date, with each day's starting instant memoised.
 * Intl is slow when called hundreds of thousands of times, so instants inside the grid are
 * formatted from the memoised day starts; instants outside it fall back to Intl.
 */
export class SchoolCalendar {
  private readonly dayStarts: number[] = [];

  /**
   * @param firstDate day 0 of the grid
   * @param dayCount how many days the grid covers
   */
  constructor(
    readonly firstDate: LocalDate,
    readonly dayCount: number,
  ) {
    for (let day = 0; day <= dayCount; day++) {
      this.dayStarts.push(startOfLocalDate(addDays(firstDate, day), SCHOOL_TIME_ZONE));
    }
  }

  /** The memoised start of a day of the grid (0…dayCount): callers check the range first. */
  private gridStart(day: number): number {
    const start = this.dayStarts[day];
    if (start === undefined) throw new Error(`Day ${day} is outside the calendar grid (0…${this.dayCount})`);
    return start;
  }

  /** The day number of a calendar date (may lie outside the grid). */
  dayOf(date: LocalDate): number {
    return daysBetween(this.firstDate, date);
  }

  /** The calendar date of a day number. */
  dateOf(day: number): LocalDate {
    return addDays(this.firstDate, day);
  }

  /** The instant local midnight starts `day`. */
  startOf(day: number): number {
    if (day >= 0 && day <= this.dayCount) return this.gridStart(day);
    return startOfLocalDate(this.dateOf(day), SCHOOL_TIME_ZONE);
  }

  /** The day number holding `epochMs`, or -1 before the grid and dayCount after it. */
  dayAt(epochMs: number): number {
    if (epochMs < this.gridStart(0)) return -1;
    if (epochMs >= this.gridStart(this.dayCount)) return this.dayCount;
    let low = 0;
    let high = this.dayCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.gridStart(middle) <= epochMs) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** `YYYY-MM-DD HH:MM:SS` on the school's wall clock (Cademi's zone-less format). */
  formatPlain(epochMs: number): string {
    const seconds = Math.floor(epochMs / 1000) * 1000;
    const day = this.dayAt(seconds);
    if (day < 0 || day >= this.dayCount) {
      const wall = wallTimeOf(seconds, SCHOOL_TIME_ZONE);
      return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
    }
    // Within a day the wall clock runs with the instant (São Paulo has had no DST since 2019).
    const secondOfDay = Math.round((seconds - this.gridStart(day)) / 1000);
    const hour = Math.floor(secondOfDay / 3600);
    const minute = Math.floor((secondOfDay % 3600) / 60);
    return `${this.dateOf(day)} ${pad(hour)}:${pad(minute)}:${pad(secondOfDay % 60)}`;
  }

  /** `YYYY-MM-DDTHH:MM:SS-03:00`: the ISO-8601 form with the zone offset of that instant. */
  formatWithOffset(epochMs: number): string {
    const plain = this.formatPlain(epochMs);
    // formatPlain always writes every part: the defaults never apply.
    const [date = '', time = ''] = plain.split(' ');
    const [year = 0, month = 1, dayOfMonth = 1] = date.split('-').map(Number);
    const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
    const wallAsUtc = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second);
    const offsetMinutes = Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const absolute = Math.abs(offsetMinutes);
    return `${date}T${time}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  }
}

/** An instant `hours` (fractional) after the start of `day`, truncated to whole seconds as Cademi shows. */
export function instantInDay(calendar: SchoolCalendar, day: number, hours: number): number {
  // Seconds of the day fit in 31 bits, so `| 0` floors them (cheaper than Math.floor in hot loops).
  return calendar.startOf(day) + (((hours * HOUR_MS) / 1000) | 0) * 1000;
}
