// Cademi's date and percent strings → epoch milliseconds and 0-100 numbers.

import { epochOfWallTime } from '../time/zoned';

/** The zone of Cademi timestamps that carry no offset (the docs' `"2020-01-12 19:59:20"`). */
export const CADEMI_TIME_ZONE = 'America/Sao_Paulo';

// date, then optionally [T or space] time with optional fraction and zone (Z, ±hh:mm, ±hhmm, ±hh).
const CADEMI_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

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
  if (hours > 23 || minutes > 59) throw new Error(`bad time zone offset "${zone}"`);
  return sign * (hours * 60 + minutes);
}

/**
 * Parses a Cademi timestamp to epoch ms. Accepts `2022-01-12T15:50:47-03:00`, `...Z`,
 * `2020-01-12 19:59:20` (no zone: São Paulo wall time) and `2020-01-12` (São Paulo midnight).
 * null, undefined, blank and zero dates (`0000-00-00 00:00:00`) give null; anything else throws.
 */
export function parseCademiDate(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '' || ZERO_DATE.test(trimmed)) return null;
  const match = CADEMI_DATE.exec(trimmed);
  if (!match) throw new Error('not a date in a format Cademi uses (YYYY-MM-DD[ hh:mm:ss][±hh:mm])');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error('not a real calendar date');
  }
  if (hour > 23 || minute > 59 || second > 59) throw new Error('not a real time of day');
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
    if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact)) throw new Error('not a percentage like "41.7%"');
    value = Number(compact);
  }
  if (!Number.isFinite(value)) throw new Error('not a finite percentage');
  if (value < 0 || value > 100) throw new Error(`percentage ${value} is outside 0-100`);
  return value;
}
