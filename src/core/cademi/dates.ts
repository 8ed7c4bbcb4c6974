// Cademi's date and percent strings → epoch milliseconds and 0-100 numbers.

import * as say from '../messages/cademi';
import { epochOfWallTime } from '../time/zoned';

/** The zone of Cademi timestamps that carry no offset (the docs' `"2020-01-12 19:59:20"`). */
const CADEMI_TIME_ZONE = 'America/Sao_Paulo';

// date, then optionally [T or space] time with optional fraction and zone (Z, ±hh:mm, ±hhmm, ±hh).
const CADEMI_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// PHP/MySQL back ends write "no date" as a zero date; it means null, not year 0.
const ZERO_DATE = /^0000-00-00(?:[T ]00:00(?::00)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) throw new Error(say.OFFSET_INVALID);
  return sign * (hours * 60 + minutes);
}

/**
 * The years a Cademi timestamp can really fall in. Cademi and its schools' accounts are all from
 * this century, so an earlier year is a sentinel for "no date" (.NET's `0001-01-01`, a zero date written with a
 * year of 1, Excel's 1900 epoch) and one from 2100 on is a sentinel for "never" or a typo. Either
 * would be stored as a date nobody could have seen (year 0001 showed as 1901), so it means "missing".
 */
export const EARLIEST_REAL_YEAR = 2000;
export const LATEST_REAL_YEAR = 2099;

/** A timestamp read for a field the run reports on: `impossible` when it was a date but not a real one. */
export interface CademiDateReading {
  readonly at: number | null;
  readonly impossible: boolean;
}

/**
 * Parses a Cademi timestamp to epoch ms. Accepts `2022-01-12T15:50:47-03:00`, `...Z`,
 * `2020-01-12 19:59:20` (no zone: São Paulo wall time) and `2020-01-12` (São Paulo midnight).
 * null, undefined, blank and zero dates (`0000-00-00 00:00:00`) give null, and so do dates outside
 * EARLIEST_REAL_YEAR..LATEST_REAL_YEAR (see `readCademiDate` to tell those apart); anything else throws.
 */
export function parseCademiDate(text: string | null | undefined): number | null {
  return readCademiDate(text).at;
}

const IMPOSSIBLE = Symbol('impossible date');

/** As `parseCademiDate`, and says whether a null stands for an impossible date (to warn about it). */
export function readCademiDate(text: string | null | undefined): CademiDateReading {
  const at = parseInRange(text);
  return at === IMPOSSIBLE ? { at: null, impossible: true } : { at, impossible: false };
}

function parseInRange(text: string | null | undefined): number | null | typeof IMPOSSIBLE {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '' || ZERO_DATE.test(trimmed)) return null;
  const match = CADEMI_DATE.exec(trimmed);
  if (!match) throw new Error(say.DATE_NOT_CADEMI_FORMAT);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  // Checked first: such a sentinel year often comes with a zero month or day (`0001-00-00`).
  if (year < EARLIEST_REAL_YEAR || year > LATEST_REAL_YEAR) return IMPOSSIBLE;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(say.DATE_NOT_IN_CALENDAR);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new Error(say.TIME_OF_DAY_INVALID);
  const zone = match[8];
  if (zone !== undefined) {
    return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes(zone) * 60_000;
  }
  return epochOfWallTime({ year, month, day, hour, minute, second }, CADEMI_TIME_ZONE) + millis;
}

/**
 * Parses Cademi's progress `total` ("41.7%", "41,7%", " 41.7 % ", 41.7) to a number in 0..100.
 * Throws on anything that is not a number or lies outside [0, 100]: a wrong percent must not be stored.
 */
export function parsePercent(text: string | number): number {
  let value: number;
  if (typeof text === 'number') {
    value = text;
  } else {
    const compact = text.replace(/\s+/g, '').replace(/%$/, '').replace(',', '.');
    if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact)) throw new Error(say.PERCENT_NOT_NUMBER);
    value = Number(compact);
  }
  if (!Number.isFinite(value)) throw new Error(say.PERCENT_NOT_FINITE);
  if (value < 0 || value > 100) throw new Error(say.percentOutOfRange(value));
  return value;
}
