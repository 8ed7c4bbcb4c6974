// Where each request of a run stands between being handed out and being answered: in flight, waiting
// to be sent again, backing off after an error (attempts per request), and the hold a 429 puts on
// every request until its Retry-After. The job asks it; hosts only see `PendingWait`.

/** Why nothing may be sent before `until`: Cademi's Retry-After, or a back-off after an error. */
export interface PendingWait {
  readonly until: number;
  /** True when Cademi asked for the wait (HTTP 429 with Retry-After). */
  readonly rateLimited: boolean;
  /** What Cademi asked for (rate limit), in ms; 0 for a back-off or a hold restored from a checkpoint. */
  readonly requestedMs: number;
  readonly endpoint: string;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * 429s in a row before the run gives up. Each one is waited out as asked, so twenty in a row means
 * Cademi refused every call through twenty pauses: a storm that long is an outage, not pacing.
 */
export const MAX_CONSECUTIVE_RATE_LIMITS = 20;

export class RetryLedger {
  private readonly attempts = new Map<string, number>();
  private readonly notBefore = new Map<string, { at: number; endpoint: string }>();
  /** A 429 holds every request, not only the one refused: the limit is the client's, not the URL's. */
  private hold: { until: number; requestedMs: number; endpoint: string } | null = null;
  /** 429s answered in a row, whatever the request. */
  private consecutiveRateLimits = 0;
  /** Requests handed out and not answered yet: key → URL (named when the address turns out not to exist). */
  private readonly inFlight = new Map<string, string>();
  /** Requests to send again, oldest first: backed off after an error, or handed back unsent. */
  private readonly waiting = new Set<string>();

  /** @param holdUntil a hold restored from a checkpoint (Cademi's wait outlives the slice that got it). */
  constructor(
    /** Attempts per request before the run fails (429s excepted). */
    readonly maxAttempts: number,
    holdUntil?: number,
  ) {
    if (holdUntil !== undefined) this.hold = { until: holdUntil, requestedMs: 0, endpoint: '' };
  }

  /** True while a 429's Retry-After holds every request. */
  holding(now: number): boolean {
    if (this.hold !== null && this.hold.until <= now) this.hold = null;
    return this.hold !== null;
  }

  /** True while this request waits out its own back-off. */
  backingOff(key: string, now: number): boolean {
    return (this.notBefore.get(key)?.at ?? 0) > now;
  }

  /** True when the request may be handed out now: it is not out already, nor backing off. */
  mayHandOut(key: string, now: number): boolean {
    return !this.inFlight.has(key) && !this.backingOff(key, now);
  }

  /** The request is on its way to `url`; it no longer waits. */
  handedOut(key: string, url: string): void {
    this.inFlight.set(key, url);
    this.waiting.delete(key);
  }

  /** Its answer arrived: the URL it went to ('' for a key never handed out). */
  answered(key: string): string {
    const url = this.inFlight.get(key) ?? '';
    this.inFlight.delete(key);
    return url;
  }

  /** Handed out but never sent (a slice ending early): it waits to be sent again. */
  release(key: string): void {
    this.inFlight.delete(key);
    this.waiting.add(key);
  }

  /** The requests waiting to be sent again whose key starts with `prefix`, oldest first. */
  waitingWith(prefix: string): string[] {
    return [...this.waiting].filter((key) => key.startsWith(prefix));
  }

  /** A waiting request that is no longer needed (its answer came another way). */
  forget(key: string): void {
    this.waiting.delete(key);
  }

  /** The instant of the current hold, for the checkpoint (null when none). */
  holdUntil(): number | null {
    return this.hold?.until ?? null;
  }

  succeeded(key: string): void {
    this.attempts.delete(key);
    this.notBefore.delete(key);
    this.waiting.delete(key);
    this.consecutiveRateLimits = 0;
  }

  /**
   * A 429: every request waits `retryAfterMs`. It spends no attempt of the request (a storm would
   * otherwise fall on the one or two requests sent first after each hold). The request waits to be
   * sent again. Returns the 429s in a row, or null once there were MAX_CONSECUTIVE_RATE_LIMITS of
   * them (the run gives up).
   */
  rateLimited(key: string, retryAfterMs: number, endpoint: string, now: number): number | null {
    this.consecutiveRateLimits++;
    if (this.consecutiveRateLimits >= MAX_CONSECUTIVE_RATE_LIMITS) return null;
    const until = now + retryAfterMs;
    this.notBefore.set(key, { at: until, endpoint });
    this.waiting.add(key);
    if (this.hold === null || this.hold.until < until) this.hold = { until, requestedMs: retryAfterMs, endpoint };
    return this.consecutiveRateLimits;
  }

  /**
   * Any other retryable failure: an exponential back-off for this request, which then waits to be
   * sent again. Returns its attempt, or null when they are spent.
   */
  failed(key: string, endpoint: string, now: number): number | null {
    this.consecutiveRateLimits = 0;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    if (attempt >= this.maxAttempts) return null;
    this.attempts.set(key, attempt);
    this.notBefore.set(key, { at: now + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1)), endpoint });
    this.waiting.add(key);
    return attempt;
  }

  /** A failure that is not retried (nothing to wait for, but a 429 streak is over). */
  refused(): void {
    this.consecutiveRateLimits = 0;
  }

  /** What the job waits for when it has nothing to send: the hold first, else the earliest back-off. */
  pendingWait(): PendingWait | null {
    if (this.hold !== null) return { until: this.hold.until, rateLimited: true, requestedMs: this.hold.requestedMs, endpoint: this.hold.endpoint };
    let earliest: { at: number; endpoint: string } | null = null;
    for (const entry of this.notBefore.values()) if (earliest === null || entry.at < earliest.at) earliest = entry;
    return earliest === null ? null : { until: earliest.at, rateLimited: false, requestedMs: 0, endpoint: earliest.endpoint };
  }
}
