import { parseCademiDate, parsePercent } from '../../../src/core/cademi/dates';

describe('parseCademiDate', () => {
  it('reads ISO-8601 with an offset or Z', () => {
    expect(parseCademiDate('2022-01-12T15:50:47-03:00')).toBe(Date.UTC(2022, 0, 12, 18, 50, 47));
    expect(parseCademiDate('2022-01-12T15:50:47Z')).toBe(Date.UTC(2022, 0, 12, 15, 50, 47));
    expect(parseCademiDate('2022-01-12T15:50:47+0130')).toBe(Date.UTC(2022, 0, 12, 14, 20, 47));
    expect(parseCademiDate('2022-01-12T15:50:47.250Z')).toBe(Date.UTC(2022, 0, 12, 15, 50, 47, 250));
  });

  it('reads zone-less "YYYY-MM-DD hh:mm:ss" as São Paulo wall time', () => {
    expect(parseCademiDate('2020-01-12 19:59:20')).toBe(Date.UTC(2020, 0, 12, 22, 59, 20));
    // January 2018 was summer time in São Paulo (UTC-2): the zone database is used, not a fixed -3.
    expect(parseCademiDate('2018-01-12 10:00:00')).toBe(Date.UTC(2018, 0, 12, 12, 0, 0));
  });

  it('reads a bare date as São Paulo midnight', () => {
    expect(parseCademiDate('2020-01-12')).toBe(Date.UTC(2020, 0, 12, 3, 0, 0));
  });

  it('gives null for null, undefined, blank and zero dates', () => {
    expect(parseCademiDate(null)).toBeNull();
    expect(parseCademiDate(undefined)).toBeNull();
    expect(parseCademiDate('')).toBeNull();
    expect(parseCademiDate('   ')).toBeNull();
    expect(parseCademiDate('0000-00-00 00:00:00')).toBeNull();
  });

  it.each(['12/01/2020', '2020-13-01', '2020-02-30', '2020-01-12 25:00:00', 'yesterday', '2020-01-12T10:00:00+99:00'])('throws on %p', (text) => {
    expect(() => parseCademiDate(text)).toThrow(Error);
  });
});

describe('parsePercent', () => {
  it.each<[string | number, number]>([
    ['41.7%', 41.7],
    ['41,7%', 41.7],
    ['0%', 0],
    ['100%', 100],
    [' 41.7 % ', 41.7],
    ['41.7', 41.7],
    [41.7, 41.7],
    [0, 0],
    [100, 100],
  ])('reads %p as %p', (input, expected) => {
    expect(parsePercent(input)).toBeCloseTo(expected, 10);
  });

  it.each<string | number>(['abc', '', '%', '100.1%', '-1%', '41.7.2%', Number.NaN, 101, -0.5, Infinity])('throws on %p', (input) => {
    expect(() => parsePercent(input)).toThrow(Error);
  });
});
