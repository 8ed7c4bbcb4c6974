// Drives the sans-I/O sync job in Node: paced batches through a transport, on a real or virtual clock.

import type { HttpRequest, HttpResponse } from '../core/http';
import { formatInstant, longWait, waitTooLong } from '../core/messages/sync';
import { SyncFailedError } from '../core/sync/errors';
import type { PendingWait, SyncJob } from '../core/sync/job';
import { LONG_WAIT_NOTICE_MS, MAX_WAIT_MS, RequestPacer } from '../core/sync/pacer';

/** Performs a batch of requests together (like Apps Script's UrlFetchApp.fetchAll). */
export interface Transport {
  send(requests: readonly HttpRequest[]): Promise<HttpResponse[]>;
}

/** Time for the driver: the system clock, or the simulator's virtual clock (sleep = advance). */
export interface DriverClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface DriveOptions {
  readonly transport: Transport;
  readonly clock: DriverClock;
  readonly requestsPerSecond: number;
  /** Extra spacing against network jitter; 0 on the virtual clock, where arrival = send time. */
  readonly marginMs?: number;
  readonly onBatch?: (job: SyncJob) => void;
  /** Told of every wait of LONG_WAIT_NOTICE_MS or more before it starts (the CLI writes it to stderr). */
  readonly onWait?: (notice: WaitNotice) => void;
  /** The longest wait to sit through; longer fails the run (default MAX_WAIT_MS). */
  readonly maxWaitMs?: number;
}

/** A long wait about to start: what to tell a person, and how long it is. */
export interface WaitNotice {
  readonly message: string;
  readonly waitMs: number;
  readonly until: number;
}

/**
 * Runs the job until every (student, product) is settled; throws SyncFailedError when it cannot,
 * including when Cademi asks for a wait longer than `maxWaitMs` (nothing is waited then).
 */
export async function driveJob(job: SyncJob, options: DriveOptions): Promise<void> {
  const { transport, clock } = options;
  const pacer = new RequestPacer(options.requestsPerSecond, { marginMs: options.marginMs ?? 0 });
  while (!job.complete) {
    const batch = job.nextRequests(pacer.batchSize, clock.now());
    if (batch.length === 0) {
      if (job.complete) break; // handing out the last batch may have settled the week
      const wait = job.pendingWait();
      if (wait === null) throw new Error('sync job has nothing to send but is not complete');
      const waitMs = Math.max(1, wait.until - clock.now());
      checkWait(job, wait, waitMs, options.maxWaitMs ?? MAX_WAIT_MS);
      if (waitMs >= LONG_WAIT_NOTICE_MS) options.onWait?.({ message: longWait(waitMs, wait.endpoint, wait.rateLimited), waitMs, until: wait.until });
      await clock.sleep(waitMs);
      continue;
    }
    const wait = pacer.delayFor(batch.length, clock.now());
    if (wait > 0) await clock.sleep(wait);
    pacer.record(batch.length, clock.now());
    const responses = await transport.send(batch.map((item) => item.request));
    // Answered: the server has counted them by now, whatever the network's jitter.
    pacer.answered(batch.length, clock.now());
    for (const [index, item] of batch.entries()) {
      const response = responses[index];
      if (!response) throw new Error(`The transport answered ${responses.length} of ${batch.length} requests`);
      job.accept(item.key, response, clock.now());
    }
    options.onBatch?.(job);
  }
}

export const systemDriverClock: DriverClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A wait past the cap stops the run at once, saying how long Cademi asked for and when to try again. */
function checkWait(job: SyncJob, wait: PendingWait, waitMs: number, maxWaitMs: number): void {
  if (waitMs <= maxWaitMs) return;
  const requested = wait.rateLimited && wait.requestedMs > 0 ? wait.requestedMs : waitMs;
  throw new SyncFailedError('wait', waitTooLong(requested, maxWaitMs, wait.endpoint, formatInstant(wait.until, job.timeZone)), wait.endpoint, null);
}
