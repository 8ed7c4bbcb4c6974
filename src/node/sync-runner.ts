// One weekly run of the Node host: start the job on the workbook, drive it, write the week.

import type { ApiTarget } from '../core/cademi/types';
import { type ArchiveSink, describeRollover, type RolloverOutcome, rollOverHistory } from '../core/history/archive-sink';
import type { ConfigIssue } from '../core/model/issues';
import type { SyncJob, SyncResult } from '../core/sync/job';
import { commitWeek, type RunStateStore } from '../core/sync/week-commit';
import { startWeekRun } from '../core/sync/week-run';
import type { Workbook } from '../core/workbook/workbook';
import { type DriverClock, driveJob, type Transport, type WaitNotice } from './drive-job';

/** Where the API is and how to reach it: the real Cademi over HTTP, or the embedded simulator. */
export interface ApiConnection {
  readonly target: ApiTarget;
  readonly transport: Transport;
  readonly clock: DriverClock;
  /** Extra pacing margin against network jitter (real servers only). */
  readonly marginMs: number;
  /** True when time is the simulator's virtual clock. */
  readonly virtual: boolean;
}

export interface WeekRunOptions {
  /** "Today" for the run (epoch ms). */
  readonly now: number;
  readonly trigger: string;
  readonly onBatch?: (job: SyncJob) => void;
  /** Told before every long wait (a 429's Retry-After, a back-off), so a person knows the run is not stuck. */
  readonly onWait?: (notice: WaitNotice) => void;
  /** Where old weeks go when the workbook nears the cell limit; none = no rollover. */
  readonly archive?: ArchiveSink;
}

/**
 * The Node host keeps no run state: the workbook is saved only after a run completed, so a process
 * that dies leaves the file as it was and the next command starts the week over.
 */
const NO_RUN_STATE: RunStateStore = {
  hasCursor: () => false,
  saveCursor: () => {},
  recordCompletion: () => {},
  clearCursor: () => {},
};

/** What a week's run did, for the command to report. */
export interface WeekRun {
  readonly result: SyncResult;
  /** How many students this week's `Contatos da semana` lists to call. */
  readonly contactCount: number;
  readonly configIssues: readonly ConfigIssue[];
  readonly rollover: RolloverOutcome | null;
}

/** Runs one week; the workbook is changed in memory only (the caller saves it on success). */
export async function runWeek(workbook: Workbook, connection: ApiConnection, options: WeekRunOptions): Promise<WeekRun> {
  const startedAt = connection.clock.now();
  const { job, config } = startWeekRun(workbook, {
    now: options.now,
    target: connection.target,
    runId: `${options.trigger}-${options.now}-${startedAt}`,
  });
  await driveJob(job, {
    transport: connection.transport,
    clock: connection.clock,
    requestsPerSecond: config.settings.requestsPerSecond,
    marginMs: connection.marginMs,
    onBatch: options.onBatch,
    onWait: options.onWait,
  });
  const archived: { rollover: RolloverOutcome | null } = { rollover: null };
  // Archiving runs before the commit, so the reports are built over the kept weeks.
  const beforeCommit = (): string[] => {
    if (!options.archive) return [];
    archived.rollover = rollOverHistory(workbook, options.archive);
    return archived.rollover ? [describeRollover(archived.rollover)] : [];
  };
  const log = { trigger: options.trigger, startedAt, finishedAt: connection.clock.now() };
  const { contacts, ...result } = commitWeek(workbook, job, config, NO_RUN_STATE, log, { beforeCommit });
  return { result, contactCount: contacts.entries.length, configIssues: config.issues, rollover: archived.rollover };
}
