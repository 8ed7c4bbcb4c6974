// Virtual time for the fakes: a clock that service calls advance, and a Date class that reads it.

/** A clock that only moves when told to; also satisfies the simulator's `Clock` interface. */
export class VirtualTime {
  private current: number;

  /** @param startMs the first instant shown (epoch ms). */
  constructor(startMs: number) {
    this.current = startMs;
  }

  /** The current virtual instant in epoch ms. */
  now(): number {
    return this.current;
  }

  /** Moves forward by `ms` (negative durations are refused). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`VirtualTime.advance needs a non-negative duration, got ${ms}`);
    this.current += ms;
  }

  /** Jumps to an instant (backwards allowed: tests may replay a moment). */
  set(ms: number): void {
    this.current = ms;
  }
}

/**
 * A `Date` whose `Date.now()` and argument-less `new Date()` read `time`; every other form
 * (`new Date(x)`, `Date.UTC`, `Date.parse`) is the real Date's. Instances are real Dates.
 */
export function makeFakeDate(time: VirtualTime): DateConstructor {
  class FakeDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(time.now());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return time.now();
    }
  }
  return FakeDate as unknown as DateConstructor;
}
