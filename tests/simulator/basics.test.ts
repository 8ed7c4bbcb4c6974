// Small building blocks: the virtual clock, the seeded hash, URLs and cursors, the calendar.

import { createSchool, hashUnit, mulberry32, percentText, VirtualClock } from '../../src/simulator';
import { decodeCursor, encodeCursor, parseRequestUrl } from '../../src/simulator/request-url';

describe('VirtualClock', () => {
  it('moves only when told to', () => {
    const clock = new VirtualClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(7 * 86_400_000);
    expect(clock.now()).toBe(1000 + 7 * 86_400_000);
    clock.set(5);
    expect(clock.now()).toBe(5);
    expect(() => clock.advance(-1)).toThrow(/non-negative/);
  });
});

describe('seeded randomness', () => {
  it('repeats for the same inputs and spreads over [0, 1)', () => {
    expect(hashUnit(42, 1, 2, 3)).toBe(hashUnit(42, 1, 2, 3));
    expect(hashUnit(42, 1, 2, 3)).not.toBe(hashUnit(42, 1, 2, 4));
    expect(hashUnit(42, 1, 2, 3)).not.toBe(hashUnit(43, 1, 2, 3));
    const values = Array.from({ length: 10_000 }, (_, i) => hashUnit(42, 7, i));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
    const a = mulberry32(9);
    const b = mulberry32(9);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('request URLs and cursors', () => {
  it('splits origin, decoded segments and query', () => {
    expect(parseRequestUrl('https://portal.example.com.br:8443/api/v1/usuario/ana%40x.com?cursor=abc&x')).toEqual({
      origin: 'https://portal.example.com.br:8443',
      segments: ['api', 'v1', 'usuario', 'ana@x.com'],
      query: { cursor: 'abc', x: '' },
    });
    expect(parseRequestUrl('/relative')).toBeNull();
    expect(parseRequestUrl('http://h/%E0%A4%A')).toBeNull();
  });

  it('round-trips cursors as URL-safe base64 starting like Cademi’s (eyJ…)', () => {
    const cursor = encodeCursor({ list: 'tag:103', after: 1330 });
    expect(cursor).toMatch(/^eyJ[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ list: 'tag:103', after: 1330 });
    expect(decodeCursor('%%%')).toBeNull();
    expect(decodeCursor('abc')).toBeNull();
  });
});

describe('formats', () => {
  it('writes percents like Cademi, with either decimal mark', () => {
    expect(percentText(5, 12, false)).toBe('41.7%');
    expect(percentText(5, 12, true)).toBe('41,7%');
    expect(percentText(0, 24, false)).toBe('0.0%');
    expect(percentText(24, 24, false)).toBe('100.0%');
  });

  it('formats São Paulo wall time in both Cademi date formats', () => {
    const { calendar } = createSchool({ studentCount: 300 });
    const instant = Date.parse('2026-09-11T13:57:46Z');
    expect(calendar.formatPlain(instant)).toBe('2026-09-11 10:57:46');
    expect(calendar.formatWithOffset(instant)).toBe('2026-09-11T10:57:46-03:00');
    // Outside the memoised grid the Intl fallback gives the same answer.
    expect(calendar.formatPlain(Date.parse('2030-01-12T22:59:20Z'))).toBe('2030-01-12 19:59:20');
  });
});
