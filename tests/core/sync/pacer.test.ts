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

  describe('with answers: a request arrived no later than its answer came back', () => {
    /**
     * A network whose requests reach the server at a random instant between their send and their
     * answer, with the margin's assumption kept (no request is delayed by more than the margin
     * beyond another). Returns the arrival times the server saw.
     */
    function overJitter(pacer: RequestPacer, total: number, roundTripMs: (i: number) => number, seed = 7): number[] {
      let state = seed;
      const random = () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648;
      };
      const arrivals: number[] = [];
      let now = 0;
      for (let i = 0; arrivals.length < total; i++) {
        now += pacer.delayFor(2, now);
        pacer.record(2, now);
        const trip = roundTripMs(i);
        const spread = Math.min(trip, 150);
        arrivals.push(now + random() * spread, now + random() * spread);
        now += trip;
        pacer.answered(2, now);
      }
      return arrivals.sort((a, b) => a - b);
    }

    it('spaces batches from the answer when that is earlier than send + margin (a fast network)', () => {
      const pacer = new RequestPacer(2, { marginMs: 150 });
      pacer.record(2, 0);
      pacer.answered(2, 20);
      expect(pacer.delayFor(2, 20)).toBe(1000); // 20 + 1000, not 0 + 1000 + 150
    });

    it('keeps the margin when the answer came back later than the margin (a slow network)', () => {
      const pacer = new RequestPacer(2, { marginMs: 150 });
      pacer.record(2, 0);
      pacer.answered(2, 400);
      expect(pacer.delayFor(2, 400)).toBe(750); // 0 + 1000 + 150, earlier than 400 + 1000
    });

    it('an unanswered batch (the transport threw) keeps the margin', () => {
      const pacer = new RequestPacer(2, { marginMs: 150 });
      pacer.record(2, 0);
      expect(pacer.delayFor(2, 0)).toBe(1150);
    });

    it('never lets the server count more than 2 in a second over fast, slow and uneven round trips', () => {
      for (const trip of [(_: number) => 5, (_: number) => 40, (i: number) => (i % 3 === 0 ? 300 : 20), (i: number) => (i * 37) % 500]) {
        const arrivals = overJitter(new RequestPacer(2, { marginMs: 150 }), 400, trip);
        expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(2);
        expect(busiestWindow(arrivals, 60_000)).toBeLessThanOrEqual(120);
      }
    });

    it('on a 20 ms round trip runs at 1000 + 20 ms a batch instead of 1000 + 150', () => {
      const pacer = new RequestPacer(2, { marginMs: 150 });
      const sends: number[] = [];
      let now = 0;
      for (let i = 0; i < 10; i++) {
        now += pacer.delayFor(2, now);
        pacer.record(2, now);
        sends.push(now);
        now += 20;
        pacer.answered(2, now);
      }
      expect(new Set(gaps(sends))).toEqual(new Set([1020]));
    });
  });
});
