import { DEFAULT_GOAL_TRACK, expectedProgress, type GoalTrack } from '../../../src/core/model/goals';

const track = (...points: [number, number][]): GoalTrack => ({ name: 'T', points: points.map(([week, expected]) => ({ week, expected })) });

describe('expectedProgress', () => {
  it('is exact at the points of the track', () => {
    for (const point of DEFAULT_GOAL_TRACK.points) expect(expectedProgress(DEFAULT_GOAL_TRACK, point.week)).toBe(point.expected);
  });

  it('interpolates linearly between points, rounded to one decimal', () => {
    expect(expectedProgress(DEFAULT_GOAL_TRACK, 3)).toBe(12); // between 8 (week 2) and 16 (week 4)
    expect(expectedProgress(DEFAULT_GOAL_TRACK, 6)).toBe(24); // between 16 (week 4) and 32 (week 8)
    expect(expectedProgress(track([0, 0], [3, 10]), 1)).toBe(3.3);
    expect(expectedProgress(track([0, 0], [3, 10]), 2)).toBe(6.7);
  });

  it('holds the last value after the last point', () => {
    expect(expectedProgress(DEFAULT_GOAL_TRACK, 22)).toBe(88); // between 80 (week 20) and 100 (week 25)
    expect(expectedProgress(DEFAULT_GOAL_TRACK, 30)).toBe(100);
    expect(expectedProgress(track([0, 0], [4, 60]), 40)).toBe(60);
  });

  it('gives the first value at or before the first point', () => {
    expect(expectedProgress(track([0, 5], [4, 60]), 0)).toBe(5);
    expect(expectedProgress(track([0, 5], [4, 60]), -2)).toBe(5);
  });

  it('ramps from 0% at week 0 when the track starts later', () => {
    const late = track([4, 40], [8, 80]);
    expect(expectedProgress(late, 0)).toBe(0);
    expect(expectedProgress(late, 1)).toBe(10);
    expect(expectedProgress(late, 4)).toBe(40);
    expect(expectedProgress(late, 6)).toBe(60);
    expect(expectedProgress(late, -1)).toBe(0);
  });

  it('is 0 for an empty track and constant for a one-point track at week 0', () => {
    expect(expectedProgress(track(), 5)).toBe(0);
    expect(expectedProgress(track([0, 20]), 5)).toBe(20);
  });

  it('never decreases week over week along the default track', () => {
    let previous = -1;
    for (let week = 0; week <= 20; week += 0.5) {
      const value = expectedProgress(DEFAULT_GOAL_TRACK, week);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });
});
