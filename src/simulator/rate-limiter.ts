// Cademi's documented limits (2 requests/s, 120/min) as sliding windows on the simulator's clock.

/** The verdict for one request: admitted, or refused with how long to wait. */
export type RateDecision = { readonly admitted: true } | { readonly admitted: false; readonly retryAfterSeconds: number };

interface Window {
  readonly lengthMs: number;
  readonly limit: number;
}

/**
 * Admits a request at `now` when fewer than `limit` admitted requests fall in (now − length, now]
 * for every window. Refused requests are not recorded, so a client that keeps knocking is not
 * punished beyond the limit itself.
 */
export class SlidingWindowLimiter {
  private readonly windows: Window[];
  private admittedTimes: number[] = [];

  constructor(ratePerSecond: number, perMinute: number) {
    this.windows = [
      { lengthMs: 1000, limit: ratePerSecond },
      { lengthMs: 60_000, limit: perMinute },
    ];
  }

  /** Decides and, when admitted, records the request. */
  tryAdmit(now: number): RateDecision {
    const longest = Math.max(...this.windows.map((window) => window.lengthMs));
    // A clock set backwards (tests replaying a moment) must not leave future entries behind.
    this.admittedTimes = this.admittedTimes.filter((time) => time > now - longest && time <= now);
    let waitMs = 0;
    for (const window of this.windows) {
      const inWindow = this.admittedTimes.filter((time) => time > now - window.lengthMs);
      if (inWindow.length >= window.limit) {
        // The window reopens when its oldest excess entry leaves it.
        const blocking = inWindow[inWindow.length - window.limit];
        if (blocking !== undefined) waitMs = Math.max(waitMs, blocking + window.lengthMs - now);
      }
    }
    if (waitMs > 0) return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    this.admittedTimes.push(now);
    return { admitted: true };
  }

  /** Forgets every admitted request. */
  reset(): void {
    this.admittedTimes = [];
  }
}
