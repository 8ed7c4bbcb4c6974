// Time sources for the simulator: a virtual clock that tests and demos move by hand, and the system clock.

/** Something that tells the current instant in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to, so simulated weeks pass in microseconds of real time. */
export class VirtualClock implements Clock {
  private currentMs: number;

  /** @param startMs the instant the clock shows first (epoch ms). */
  constructor(startMs: number) {
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  /** Moves the clock forward by `ms` (a negative value is refused: time never runs backwards here). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`VirtualClock.advance needs a non-negative duration, got ${ms}`);
    this.currentMs += ms;
  }

  /** Jumps to an instant (forwards or backwards: tests may replay a moment). */
  set(ms: number): void {
    this.currentMs = ms;
  }
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
