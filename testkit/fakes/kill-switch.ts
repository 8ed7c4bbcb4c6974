// Kill switch: counts every service call and kills the "execution" after n calls or at a virtual instant.

/** The message Apps Script's executor gives a run that hits its time limit. */
export const KILL_MESSAGE = 'Exceeded maximum execution time';

/** Shared by all services of an environment; `check` runs before each service call does anything. */
export class KillSwitch {
  /** Service calls seen since construction or the last `reset()`. */
  count = 0;
  /** True once a call was refused; every later call is refused too until `reset()`. */
  killed = false;
  private limit: number | null = null;
  private deadline: number | null = null;

  /** Lets n more calls run after the current count; the (n+1)-th throws `Error('Exceeded maximum execution time')`. */
  killAfter(n: number): void {
    this.limit = this.count + n;
  }

  /** Refuses any call made at or after the virtual instant `ms` (e.g. execution start + 6 min). */
  killAtTime(ms: number | null): void {
    this.deadline = ms;
  }

  /** Disarms both triggers and clears `killed` (the counter keeps running). */
  reset(): void {
    this.limit = null;
    this.deadline = null;
    this.killed = false;
  }

  /** Start of an execution: clears a previous kill and arms the execution-time deadline (a pending killAfter stays armed). */
  beginExecution(deadline: number | null): void {
    this.killed = false;
    this.deadline = deadline;
  }

  /** End of an execution: disarms the deadline; a kill that fired is consumed. */
  endExecution(): void {
    this.deadline = null;
    if (this.killed) {
      this.killed = false;
      this.limit = null;
    }
  }

  /** Called by the runtime before each service call: counts it and throws when the run is dead. */
  check(now: number, makeError: (message: string) => Error): void {
    this.count += 1;
    if (!this.killed && this.limit !== null && this.count > this.limit) this.killed = true;
    if (!this.killed && this.deadline !== null && now >= this.deadline) this.killed = true;
    if (this.killed) throw makeError(KILL_MESSAGE);
  }
}
