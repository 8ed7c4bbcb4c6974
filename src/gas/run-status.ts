// The weekly run's state as the sidebar shows it, read from what slices leave in DocumentProperties.

import { collectingStatus, LISTING_STUDENTS, PAUSED_STATUS } from '../core/messages/menu';
import { NO_RUNS } from '../core/messages/sidebar';
import { isTickAlive, staleOwnerWarning } from '../core/schedule/tick-owner';
import type { RunStatus } from '../core/sidebar/api';
import { weekKeyOf } from '../core/time/local-date';
import * as state from './state-store';
import { readTickRecord, TICK_PERIOD_MS } from './tick-ownership';
import { isAutoUpdateEnabled } from './triggers';

/** A slice publishes progress every few seconds; older than this, it is no longer running. */
const RUNNING_WINDOW_MS = 60_000;

/**
 * The recorded tick has stopped beating while something needs it (auto-update on, or a run pending):
 * its owner may have lost access to the spreadsheet or removed the trigger.
 */
function automationNotice(now: number, timeZone: string): string | null {
  const record = readTickRecord();
  if (record === null || isTickAlive(record, now, TICK_PERIOD_MS)) return null;
  if (!isAutoUpdateEnabled() && state.readCheckpoint() === null && !state.isRunRequested()) return null;
  return staleOwnerWarning(record, timeZone);
}

export function currentRunStatus(timeZone: string): RunStatus {
  const now = Date.now();
  return { ...runState(now, timeZone), automationNotice: automationNotice(now, timeZone) };
}

function runState(now: number, timeZone: string): Omit<RunStatus, 'automationNotice'> {
  const progress = state.readProgress();
  const checkpoint = state.readCheckpoint();
  const percentOf = (settled: number, total: number) => (total === 0 ? 0 : Math.floor((100 * settled) / total));
  if (progress && now - progress.at < RUNNING_WINDOW_MS) {
    const percent = percentOf(progress.settled, progress.total);
    return {
      state: 'running',
      week: progress.week,
      settled: progress.settled,
      total: progress.total,
      percent,
      message: progress.listing ? LISTING_STUDENTS : collectingStatus(progress.settled, progress.total, percent),
    };
  }
  if (checkpoint) {
    const settled = progress?.settled ?? 0;
    const total = progress?.total ?? 0;
    return { state: 'paused', week: checkpoint.week, settled, total, percent: percentOf(settled, total), message: PAUSED_STATUS };
  }
  const history = state.readRunHistory();
  const outcome = state.readLastOutcome() ?? NO_RUNS;
  if (history.lastFailureAt !== null) return { state: 'failed', week: null, settled: 0, total: 0, percent: 0, message: outcome };
  const done = history.lastCompletedWeek !== null && history.lastCompletedWeek >= weekKeyOf(now, timeZone);
  return { state: 'idle', week: history.lastCompletedWeek, settled: 0, total: 0, percent: done ? 100 : 0, message: outcome };
}
