import {
  addDays,
  daysBetween,
  instantOfSerial,
  localDateOf,
  localDateOfSerial,
  mondayOf,
  parseLocalDate,
  serialOfInstant,
  serialOfLocalDate,
  startOfLocalDate,
  weekKeyOf,
} from '../../../src/core/time/local-date';

const SP = 'America/Sao_Paulo';
const NY = 'America/New_York';

describe('parseLocalDate', () => {
  it('accepts real calendar days, trimming spaces', () => {
    expect(parseLocalDate('2026-02-28')).toBe('2026-02-28');
    expect(parseLocalDate(' 2024-02-29 ')).toBe('2024-02-29');
    expect(parseLocalDate('2026-12-31')).toBe('2026-12-31');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '01/09/2026', '2026-09-01T00:00', ''])('rejects %p', (text) => {
    expect(parseLocalDate(text)).toBeNull();
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-05', -7)).toBe('2025-12-29');
  });

  it('counts whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
  });

  it('finds the Monday on or before a date', () => {
    expect(mondayOf('2026-02-23')).toBe('2026-02-23'); // a Monday is its own week
    expect(mondayOf('2026-03-01')).toBe('2026-02-23'); // Sunday belongs to the week before
    expect(mondayOf('2026-09-01')).toBe('2026-08-31'); // Tuesday
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across a year boundary
  });
});

describe('weekKeyOf', () => {
  it('keys a Sunday-night instant in São Paulo to the week before, though it is Monday in UTC', () => {
    // Sunday 2026-03-01 23:30 in São Paulo (UTC-3) = Monday 2026-03-02 02:30 UTC.
    const sundayNight = Date.UTC(2026, 2, 2, 2, 30);
    expect(localDateOf(sundayNight, 'UTC')).toBe('2026-03-02');
    expect(localDateOf(sundayNight, SP)).toBe('2026-03-01');
    expect(weekKeyOf(sundayNight, SP)).toBe('2026-02-23');
    expect(weekKeyOf(sundayNight, 'UTC')).toBe('2026-03-02');
  });

  it('starts the next week at Monday 00:00 school time', () => {
    const mondayMidnight = Date.UTC(2026, 2, 2, 3, 0); // 00:00 in São Paulo
    expect(weekKeyOf(mondayMidnight - 1000, SP)).toBe('2026-02-23');
    expect(weekKeyOf(mondayMidnight, SP)).toBe('2026-03-02');
  });

  it('uses the historical offset (São Paulo summer time in 2018)', () => {
    // Sunday 2018-01-14 23:30 at UTC-2 = Monday 01:30 UTC.
    expect(weekKeyOf(Date.UTC(2018, 0, 15, 1, 30), SP)).toBe('2018-01-08');
  });
});

describe('startOfLocalDate', () => {
  it('is local midnight in the zone', () => {
    expect(startOfLocalDate('2026-03-02', SP)).toBe(Date.UTC(2026, 2, 2, 3, 0));
    expect(startOfLocalDate('2026-07-01', NY)).toBe(Date.UTC(2026, 6, 1, 4, 0));
    expect(startOfLocalDate('2026-01-15', NY)).toBe(Date.UTC(2026, 0, 15, 5, 0));
  });
});

describe('spreadsheet serial numbers', () => {
  it('numbers days from 1899-12-30', () => {
    expect(serialOfLocalDate('1899-12-30')).toBe(0);
    expect(serialOfLocalDate('1900-01-01')).toBe(2);
    expect(serialOfLocalDate('2026-09-01')).toBe(46266);
    expect(localDateOfSerial(46266)).toBe('2026-09-01');
  });

  it('drops the time-of-day fraction when reading a date', () => {
    expect(localDateOfSerial(46266.99)).toBe('2026-09-01');
    expect(localDateOfSerial(46266.0001)).toBe('2026-09-01');
  });

  it.each(['2024-02-29', '2025-12-31', '2026-01-01', '2030-06-15', '1970-01-01'])('round-trips the date %s', (date) => {
    expect(localDateOfSerial(serialOfLocalDate(date))).toBe(date);
  });

  it('writes an instant as the wall clock of the school zone', () => {
    // 2026-09-01 15:00 UTC = 12:00 in São Paulo: half a day after the date's serial.
    expect(serialOfInstant(Date.UTC(2026, 8, 1, 15, 0), SP)).toBe(46266.5);
    expect(serialOfInstant(Date.UTC(2026, 8, 1, 15, 0), 'UTC')).toBe(46266.625);
  });

  it.each([
    [SP, Date.UTC(2026, 8, 1, 15, 42, 17)],
    [SP, Date.UTC(2018, 0, 14, 12, 0, 1)],
    [NY, Date.UTC(2026, 6, 4, 23, 59, 59)],
    [NY, Date.UTC(2026, 0, 4, 0, 0, 0)],
    ['UTC', Date.UTC(2000, 1, 29, 6, 7, 8)],
  ])('round-trips an instant in %s to the second', (zone, instant) => {
    expect(instantOfSerial(serialOfInstant(instant, zone), zone)).toBe(instant);
  });

  it('reads a serial back as the wall time in that zone', () => {
    expect(instantOfSerial(46266.5, SP)).toBe(Date.UTC(2026, 8, 1, 15, 0));
    expect(instantOfSerial(46266.5, NY)).toBe(Date.UTC(2026, 8, 1, 16, 0));
  });
});
