// Pacing at the API's ceiling: a sliding-window mirror of Cademi's limit (N per second, 120 per minute).

/**
 * Tracks when requests were sent and says how long to wait before the next batch may go, so the
 * number sent in any 1-second window never exceeds `perSecond` (and any minute, `perMinute`).
 * `marginMs` widens the windows against network jitter when the server is real.
 *
 * A request the host saw answered (`answered`) arrived at the server no later than its answer came
 * back, so a window counted from that instant holds whatever the jitter: the pacer takes the earlier
 * of the two bounds. On a fast network that spares most of the margin on every batch; on a slow one
 * (a round trip longer than the margin) the margin's bound is the earlier and nothing changes.
 */
export class RequestPacer {
  /** Per request: when it left, and when its answer came back (once known). */
  private readonly sent: { at: number; answeredAt: number | null }[] = [];
  private readonly perSecond: number;
  private readonly perMinute: number;
  private readonly windowMs: number;
  private readonly marginMs: number;

  constructor(perSecond: number, options: { perMinute?: number; marginMs?: number } = {}) {
    // A fractional rate (1.5/s, 0.5/s) becomes k requests per window of k/rate seconds.
    this.perSecond = Math.max(1, Math.floor(perSecond));
    this.windowMs = Math.ceil((this.perSecond * 1000) / perSecond);
    this.perMinute = Math.max(1, Math.floor(options.perMinute ?? perSecond * 60));
    this.marginMs = options.marginMs ?? 0;
  }

  /** Requests that may go out together in one batch. */
  get batchSize(): number {
    return this.perSecond;
  }

  /** Milliseconds to wait from `now` until `count` requests may be sent at once. */
  delayFor(count: number, now: number): number {
    const n = Math.min(count, this.perSecond);
    // Sending n at t is allowed when the (limit - n + 1)-th most recent request left the window.
    const secondBound = this.sent[this.sent.length - 1 - (this.perSecond - n)];
    const minuteBound = this.sent[this.sent.length - 1 - (this.perMinute - n)];
    let earliest = now;
    if (secondBound !== undefined) earliest = Math.max(earliest, this.reopensAt(secondBound, this.windowMs));
    if (minuteBound !== undefined) earliest = Math.max(earliest, this.reopensAt(minuteBound, 60_000));
    return earliest - now;
  }

  /** Records `count` requests sent at `at`. */
  record(count: number, at: number): void {
    for (let i = 0; i < count; i++) this.sent.push({ at, answeredAt: null });
    // Only the last minute's worth matters.
    if (this.sent.length > this.perMinute * 2) this.sent.splice(0, this.sent.length - this.perMinute);
  }

  /** The last `count` requests recorded were answered at `at` (their batch came back). */
  answered(count: number, at: number): void {
    for (let i = Math.max(0, this.sent.length - count); i < this.sent.length; i++) {
      const request = this.sent[i];
      if (request && request.answeredAt === null && at >= request.at) request.answeredAt = at;
    }
  }

  /** When a window of `lengthMs` that holds `request` no longer does, as the server counts it. */
  private reopensAt(request: { at: number; answeredAt: number | null }, lengthMs: number): number {
    const bySend = request.at + lengthMs + this.marginMs;
    return request.answeredAt === null ? bySend : Math.min(bySend, request.answeredAt + lengthMs);
  }
}

/**
 * The longest wait a host sits through inside one run (the CLI fails past it, Apps Script pauses the
 * run until then). Cademi's limits are per second and per minute, so a Retry-After that honours them
 * is at most 60 s; five minutes covers that, several back-offs and a brief hiccup. Anything longer
 * is Cademi asking to come back later: better said at once, with how long it asked for, than a
 * terminal or a cron job hanging silently for hours.
 */
export const MAX_WAIT_MS = 5 * 60_000;

/** Waits from this long on are said as they start (stderr in the CLI), so a pause never looks like a hang. */
export const LONG_WAIT_NOTICE_MS = 10_000;
