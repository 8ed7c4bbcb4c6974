// Wall-clock time in a named time zone, via Intl (available in Node and in Apps Script's V8).

/** Calendar fields of an instant as seen on a wall clock in some zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `epochMs` in `timeZone`. */
export function wallTimeOf(epochMs: number, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = fields[type];
    // formatterFor asks for every one of these parts, so a missing one is a runtime bug.
    if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${type} part for ${timeZone}`);
    return value;
  };
  const hour = field('hour');
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: hour === 24 ? 0 : hour,
    minute: field('minute'),
    second: field('second'),
  };
}

function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The instant at which the wall clock in `timeZone` shows `wall` (first match across a DST fold). */
export function epochOfWallTime(wall: WallTime, timeZone: string): number {
  const target = wallAsUtc(wall);
  // Two refinements converge for every real zone offset change (at most one transition nearby).
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const offset = wallAsUtc(wallTimeOf(guess, timeZone)) - guess;
    const next = target - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}
