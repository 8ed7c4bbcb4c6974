// The simulator enforces 2 requests/s and 120/min on its clock, answering 429 with Retry-After.

import { createSchool, createSimulator, VirtualClock } from '../../src/simulator';
import { SlidingWindowLimiter } from '../../src/simulator/rate-limiter';
import { get, LATE_2026 } from './helpers';

const school = createSchool({ studentCount: 300 });

describe('rate limit', () => {
  it('refuses the 3rd request in the same instant with 429 and Retry-After, admits again 1 s later', () => {
    const clock = new VirtualClock(LATE_2026);
    const simulator = createSimulator({ clock, school });
    expect(get(simulator, '/tag').status).toBe(200);
    expect(get(simulator, '/tag').status).toBe(200);
    const refused = get(simulator, '/tag');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toMatchObject({ success: false, code: 429 });
    clock.advance(999);
    expect(get(simulator, '/tag').status).toBe(429);
    clock.advance(1);
    expect(get(simulator, '/tag').status).toBe(200);
    expect(simulator.stats).toMatchObject({ requests: 5, responses429: 2, byStatus: { 200: 3, 429: 2 } });
  });

  it('admits 120 per minute, then 429 with a Retry-After until the minute’s oldest request expires', () => {
    // At exactly 2/s the minute window can never fill (2 × 60 = 120), so the per-second limit is
    // raised here to reach the per-minute one.
    const clock = new VirtualClock(LATE_2026);
    const simulator = createSimulator({ clock, school, ratePerSecond: 10 });
    for (let i = 0; i < 120; i++) {
      expect(get(simulator, '/tag').status).toBe(200);
      clock.advance(100);
    }
    // 12 s have passed: the first request leaves the window 48 s from now.
    const refused = get(simulator, '/tag');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('48');
    clock.advance(47_000);
    expect(get(simulator, '/tag').status).toBe(429);
    clock.advance(1000);
    expect(get(simulator, '/tag').status).toBe(200);
  });

  it('does not count refused requests toward the window', () => {
    const clock = new VirtualClock(LATE_2026);
    const simulator = createSimulator({ clock, school });
    get(simulator, '/tag');
    get(simulator, '/tag');
    for (let i = 0; i < 10; i++) expect(get(simulator, '/tag').status).toBe(429);
    clock.advance(1000);
    expect(get(simulator, '/tag').status).toBe(200);
    expect(get(simulator, '/tag').status).toBe(200);
  });

  it('does not spend the budget on refused credentials', () => {
    const clock = new VirtualClock(LATE_2026);
    const simulator = createSimulator({ clock, school });
    for (let i = 0; i < 5; i++) expect(get(simulator, '/tag', { Authorization: 'errada' }).status).toBe(405);
    expect(get(simulator, '/tag').status).toBe(200);
  });

  it('honours custom limits', () => {
    const limiter = new SlidingWindowLimiter(5, 7);
    for (let i = 0; i < 5; i++) expect(limiter.tryAdmit(0).admitted).toBe(true);
    expect(limiter.tryAdmit(0)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(limiter.tryAdmit(1000).admitted).toBe(true);
    expect(limiter.tryAdmit(1000).admitted).toBe(true);
    expect(limiter.tryAdmit(1000)).toEqual({ admitted: false, retryAfterSeconds: 59 });
  });
});
