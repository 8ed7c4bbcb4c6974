// Drives the job synchronously within a time budget: the Apps Script host's loop (UrlFetchApp.fetchAll
// and Utilities.sleep block), stopping early enough to checkpoint before the 6-minute limit.

import type { HttpRequest, HttpResponse } from '../http';
import type { SyncJob } from './job';
import { RequestPacer } from './pacer';

export interface SliceIo {
  now(): number;
  sleep(ms: number): void;
  fetchAll(requests: readonly HttpRequest[]): HttpResponse[];
}

export interface SliceOptions {
  readonly requestsPerSecond: number;
  /** The instant by which the slice must stop sending (it then checkpoints). */
  readonly deadline: number;
  readonly marginMs?: number;
  readonly onBatch?: (job: SyncJob) => void;
}

export type SliceOutcome = 'complete' | 'paused';

/** Advances the job until it completes or the deadline nears; throws SyncFailedError on a fatal error. */
export function runSlice(job: SyncJob, io: SliceIo, options: SliceOptions): SliceOutcome {
  const pacer = new RequestPacer(options.requestsPerSecond, { marginMs: options.marginMs ?? 0 });
  while (!job.complete) {
    if (io.now() >= options.deadline) return 'paused';
    const batch = job.nextRequests(pacer.batchSize, io.now());
    if (batch.length === 0) {
      if (job.complete) break; // handing out the last batch may have settled the week
      const retryAt = job.nextRetryAt();
      if (retryAt === null) throw new Error('sync job has nothing to send but is not complete');
      if (retryAt >= options.deadline) return 'paused';
      io.sleep(Math.max(1, retryAt - io.now()));
      continue;
    }
    const wait = pacer.delayFor(batch.length, io.now());
    if (io.now() + wait >= options.deadline) {
      job.release(batch.map((item) => item.key));
      return 'paused';
    }
    if (wait > 0) io.sleep(wait);
    pacer.record(batch.length, io.now());
    let responses: HttpResponse[];
    try {
      responses = io.fetchAll(batch.map((item) => item.request));
    } catch (error) {
      // The host gave up on the batch (a quota, say): hand the requests back so a checkpoint stays whole.
      job.release(batch.map((item) => item.key));
      throw error;
    }
    for (const [index, item] of batch.entries()) {
      const response = responses[index];
      if (response === undefined) throw new Error(`fetchAll answered ${responses.length} of ${batch.length} requests`);
      job.accept(item.key, response, io.now());
    }
    options.onBatch?.(job);
  }
  return 'complete';
}
