// Drives the sans-I/O sync job in Node: paced batches through a transport, on a real or virtual clock.

import type { HttpRequest, HttpResponse } from '../core/http';
import type { SyncJob } from '../core/sync/job';
import { RequestPacer } from '../core/sync/pacer';

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
}

/** Runs the job until every (student, product) is settled; throws SyncFailedError when it cannot. */
export async function driveJob(job: SyncJob, options: DriveOptions): Promise<void> {
  const { transport, clock } = options;
  const pacer = new RequestPacer(options.requestsPerSecond, { marginMs: options.marginMs ?? 0 });
  while (!job.complete) {
    const batch = job.nextRequests(pacer.batchSize, clock.now());
    if (batch.length === 0) {
      if (job.complete) break; // handing out the last batch may have settled the week
      const retryAt = job.nextRetryAt();
      if (retryAt === null) throw new Error('sync job has nothing to send but is not complete');
      await clock.sleep(Math.max(1, retryAt - clock.now()));
      continue;
    }
    const wait = pacer.delayFor(batch.length, clock.now());
    if (wait > 0) await clock.sleep(wait);
    pacer.record(batch.length, clock.now());
    const responses = await transport.send(batch.map((item) => item.request));
    batch.forEach((item, index) => job.accept(item.key, responses[index], clock.now()));
    options.onBatch?.(job);
  }
}

export const systemDriverClock: DriverClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
