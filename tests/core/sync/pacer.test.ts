import { RequestPacer } from '../../../src/core/sync/pacer';

/**
 * Drives a pacer the way a host does: ask for the delay, wait it (a fake clock), send, record.
 * `work` is extra time each batch takes before the next is asked for. Returns every send time.
 */
function simulate(pacer: RequestPacer, total: number, options: { batch?: number; work?: number; start?: number } = {}): number[] {
  const sent: number[] = [];
  let now = options.start ?? 1_000_000;
  while (sent.length < total) {
    const count = Math.min(options.batch ?? pacer.batchSize, total - sent.length);
    now += pacer.delayFor(count, now);
    pacer.record(count, now);
    for (let i = 0; i < count; i++) sent.push(now);
    now += options.work ?? 0;
  }
  return sent;
}

/** The most requests any window [t, t + windowMs) holds, over windows starting at each send. */
function busiestWindow(sent: readonly number[], windowMs: number): number {
  let most = 0;
  for (const start of sent) most = Math.max(most, sent.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}

const gaps = (sent: readonly number[]) => sent.slice(1).map((t, i) => t - sent[i]);

describe('RequestPacer', () => {
  it('lets the first batch go at once', () => {
    expect(new RequestPacer(2).delayFor(2, 5_000)).toBe(0);
  });

  it('at 2/s spaces batches of 2 exactly 1000 ms apart', () => {
    const pacer = new RequestPacer(2);
    expect(pacer.batchSize).toBe(2);
    const sent = simulate(pacer, 20);
    expect(gaps(sent)).toEqual(Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 0 : 1000)));
    expect(busiestWindow(sent, 1000)).toBe(2);
  });

  it('at 2/s sends single requests at 2 per sliding second: the third waits for the first to leave the window', () => {
    const sent = simulate(new RequestPacer(2), 10, { batch: 1 });
    expect(gaps(sent)).toEqual([0, 1000, 0, 1000, 0, 1000, 0, 1000, 0]);
    expect(busiestWindow(sent, 1000)).toBe(2);
  });

  it('at 2/s spaces single requests that take 500 ms of work each 500 ms apart', () => {
    const sent = simulate(new RequestPacer(2), 10, { batch: 1, work: 500 });
    expect(gaps(sent)).toEqual(Array(9).fill(500));
  });

  it('waits exactly until the oldest request in the window is 1 s old', () => {
    const pacer = new RequestPacer(2);
    pacer.record(1, 0);
    pacer.record(1, 300);
    expect(pacer.delayFor(1, 400)).toBe(600); // until 1000, when the request at 0 leaves
    expect(pacer.delayFor(2, 400)).toBe(900); // until 1300, when both have left
    pacer.record(1, 1000);
    expect(pacer.delayFor(1, 1000)).toBe(300);
  });

  it('never lets a 1-second window hold more than 2, with mixed batch sizes and uneven work', () => {
    const pacer = new RequestPacer(2);
    const sent: number[] = [];
    let now = 0;
    const pattern = [2, 1, 1, 2, 1, 2, 2, 1];
    const work = [0, 130, 0, 990, 20, 1500, 0, 700, 5];
    for (let i = 0; i < 200; i++) {
      const count = pattern[i % pattern.length];
      now += pacer.delayFor(count, now);
      pacer.record(count, now);
      for (let j = 0; j < count; j++) sent.push(now);
      now += work[i % work.length];
    }
    expect(busiestWindow(sent, 1000)).toBeLessThanOrEqual(2);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(120);
  });

  it('answers for one full batch when asked about more than a batch', () => {
    const pacer = new RequestPacer(2);
    pacer.record(2, 0);
    expect(pacer.delayFor(5, 0)).toBe(pacer.delayFor(2, 0));
    expect(pacer.delayFor(5, 0)).toBe(1000);
  });

  it('does not wait when the window has already passed', () => {
    const pacer = new RequestPacer(2);
    pacer.record(2, 0);
    expect(pacer.delayFor(2, 999)).toBe(1);
    expect(pacer.delayFor(2, 1000)).toBe(0);
    expect(pacer.delayFor(2, 5000)).toBe(0);
  });

  it('holds the per-minute bound when it is tighter than the per-second one', () => {
    const pacer = new RequestPacer(2, { perMinute: 10 });
    const sent = simulate(pacer, 30);
    expect(sent.slice(0, 10)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4].map((s) => 1_000_000 + s * 1000));
    expect(sent[10]).toBe(1_000_000 + 60_000); // the 11th waits for the first to leave the minute
    expect(busiestWindow(sent, 60_000)).toBe(10);
    expect(busiestWindow(sent, 1000)).toBe(2);
  });

  it('at 2/s stays within 120 per minute over a long run (past the internal trimming)', () => {
    const sent = simulate(new RequestPacer(2), 1000, { batch: 1 });
    expect(busiestWindow(sent, 60_000)).toBe(120);
    expect(busiestWindow(sent, 1000)).toBe(2);
    // …and runs at the ceiling: 1000 requests in 500 pairs, one pair a second.
    expect(sent[999] - sent[0]).toBe(499 * 1000);
  });

  it('at 1.5/s sends one request every 667 ms (never more than 3 in 2 s)', () => {
    const pacer = new RequestPacer(1.5);
    expect(pacer.batchSize).toBe(1);
    const sent = simulate(pacer, 30);
    expect(new Set(gaps(sent))).toEqual(new Set([667]));
    expect(busiestWindow(sent, 1000)).toBeLessThanOrEqual(2);
    expect(busiestWindow(sent, 2000)).toBeLessThanOrEqual(3);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(90);
  });

  it('at 0.5/s sends one request every 2 s', () => {
    const pacer = new RequestPacer(0.5);
    expect(pacer.batchSize).toBe(1);
    const sent = simulate(pacer, 100);
    expect(new Set(gaps(sent))).toEqual(new Set([2000]));
    expect(busiestWindow(sent, 2000)).toBe(1);
    expect(busiestWindow(sent, 60_000)).toBe(30);
  });

  it.each([0.1, 0.3, 0.5, 1, 1.5, 1.9, 2])('at %p/s never exceeds the rate in any window, batched or single', (rate) => {
    for (const batch of [1, new RequestPacer(rate).batchSize]) {
      const sent = simulate(new RequestPacer(rate), 300, { batch });
      for (const windowMs of [1000, 2000, 10_000, 60_000]) {
        expect(busiestWindow(sent, windowMs)).toBeLessThanOrEqual(Math.max(1, Math.ceil((rate * windowMs) / 1000)));
      }
    }
  });

  it('widens the windows by the margin', () => {
    const sent = simulate(new RequestPacer(2, { marginMs: 50 }), 6);
    expect(gaps(sent)).toEqual([0, 1050, 0, 1050, 0]);
    const singles = simulate(new RequestPacer(2, { marginMs: 50 }), 4, { batch: 1 });
    expect(gaps(singles)).toEqual([0, 1050, 0]);
  });

  it('widens the minute window by the margin too', () => {
    const sent = simulate(new RequestPacer(2, { perMinute: 4, marginMs: 100 }), 6);
    expect(sent[4] - sent[0]).toBe(60_100);
  });
});
