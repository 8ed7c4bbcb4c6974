// Calendar dates as ISO strings ('2026-11-23'): weeks are dates, not numbers.

import { epochOfWallTime, wallTimeOf } from './zoned';

/** An ISO calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Parses 'YYYY-MM-DD' strictly (real calendar day), or returns null. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** Year, month (1-12) and day of a date; NaN for a part a malformed value lacks, as Number() gives for the rest. */
function dateParts(date: LocalDate): [year: number, month: number, day: number] {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return [year, month, day];
}

function utcMidnight(date: LocalDate): number {
  const [year, month, day] = dateParts(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMidnight(ms: number): LocalDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** The Monday on or before `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(utcMidnight(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The calendar date of `epochMs` on the wall clock of `timeZone`. */
export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  const wall = wallTimeOf(epochMs, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The week key of an instant: the ISO date of its Monday in the school's time zone. */
export function weekKeyOf(epochMs: number, timeZone: string): LocalDate {
  return mondayOf(localDateOf(epochMs, timeZone));
}

/** The instant of local midnight starting `date` in `timeZone`. */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  const [year, month, day] = dateParts(date);
  return epochOfWallTime({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

// Spreadsheet serial numbers: days since 1899-12-30 on the school's wall clock. Both Sheets and
// .xlsx store dates this way, so the core writes numbers with a date format and reads them back.
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The serial number of an instant as shown on the wall clock of `timeZone`. */
export function serialOfInstant(epochMs: number, timeZone: string): number {
  const wall = wallTimeOf(epochMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round(((asUtc - SERIAL_EPOCH_UTC) / DAY_MS) * 86_400) / 86_400;
}

/** The serial number of a calendar date (an integer). */
export function serialOfLocalDate(date: LocalDate): number {
  return Math.round((utcMidnight(date) - SERIAL_EPOCH_UTC) / DAY_MS);
}

/** The calendar date of a serial number (its fraction, a time of day, is dropped). */
export function localDateOfSerial(serial: number): LocalDate {
  return fromUtcMidnight(SERIAL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
}

/** The instant a serial number denotes on the wall clock of `timeZone`. */
export function instantOfSerial(serial: number, timeZone: string): number {
  const asUtc = new Date(SERIAL_EPOCH_UTC + Math.round(serial * 86_400) * 1000);
  return epochOfWallTime(
    {
      year: asUtc.getUTCFullYear(),
      month: asUtc.getUTCMonth() + 1,
      day: asUtc.getUTCDate(),
      hour: asUtc.getUTCHours(),
      minute: asUtc.getUTCMinutes(),
      second: asUtc.getUTCSeconds(),
    },
    timeZone,
  );
}
