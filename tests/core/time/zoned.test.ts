import { epochOfWallTime, isValidTimeZone, type WallTime, wallTimeOf } from '../../../src/core/time/zoned';

const NY = 'America/New_York';

const wall = (year: number, month: number, day: number, hour: number, minute = 0, second = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('isValidTimeZone', () => {
  it('knows IANA names and refuses made-up ones', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('São Paulo')).toBe(false);
  });
});

describe('wallTimeOf', () => {
  it('gives midnight as hour 0, not 24', () => {
    expect(wallTimeOf(Date.UTC(2026, 2, 2, 3, 0, 0), 'America/Sao_Paulo')).toEqual(wall(2026, 3, 2, 0));
  });

  it('follows the zone offset at that instant', () => {
    expect(wallTimeOf(Date.UTC(2026, 0, 15, 12, 0), NY)).toEqual(wall(2026, 1, 15, 7));
    expect(wallTimeOf(Date.UTC(2026, 6, 15, 12, 0), NY)).toEqual(wall(2026, 7, 15, 8));
  });
});

describe('epochOfWallTime in a zone with daylight saving (America/New_York)', () => {
  it('uses EST before and EDT after the March 2026 change', () => {
    // Clocks go 02:00 EST → 03:00 EDT on Sunday 2026-03-08.
    expect(epochOfWallTime(wall(2026, 3, 8, 1, 30), NY)).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(epochOfWallTime(wall(2026, 3, 8, 3, 30), NY)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(epochOfWallTime(wall(2026, 3, 7, 12, 0), NY)).toBe(Date.UTC(2026, 2, 7, 17, 0));
    expect(epochOfWallTime(wall(2026, 3, 9, 12, 0), NY)).toBe(Date.UTC(2026, 2, 9, 16, 0));
  });

  it('uses EDT before and EST after the November 2026 change', () => {
    // Clocks go 02:00 EDT → 01:00 EST on Sunday 2026-11-01.
    expect(epochOfWallTime(wall(2026, 10, 31, 23, 0), NY)).toBe(Date.UTC(2026, 10, 1, 3, 0));
    expect(epochOfWallTime(wall(2026, 11, 1, 3, 0), NY)).toBe(Date.UTC(2026, 10, 1, 8, 0));
  });

  it('takes the first of the two 01:30s in the November fold', () => {
    expect(epochOfWallTime(wall(2026, 11, 1, 1, 30), NY)).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });

  it('lands on a real instant for a wall time skipped in the March gap', () => {
    const epoch = epochOfWallTime(wall(2026, 3, 8, 2, 30), NY);
    expect([Date.UTC(2026, 2, 8, 6, 30), Date.UTC(2026, 2, 8, 7, 30)]).toContain(epoch);
  });

  it('inverts wallTimeOf every half hour across both changes', () => {
    for (const start of [Date.UTC(2026, 2, 7, 0), Date.UTC(2026, 9, 31, 0)]) {
      for (let t = start; t < start + 3 * 86_400_000; t += 1_800_000) {
        const shown = wallTimeOf(t, NY);
        // In the November fold both instants show the same wall time; the first one is returned.
        const back = epochOfWallTime(shown, NY);
        expect(wallTimeOf(back, NY)).toEqual(shown);
        expect(back === t || back === t - 3_600_000).toBe(true);
      }
    }
  });
});
