// Starting a weekly run against a workbook, the step both hosts share (`week-commit` ends it).

import { parseAdjustments } from '../adjustments/adjustments-sheet';
import { effectiveAdjustments } from '../adjustments/effective';
import type { ApiTarget } from '../cademi/types';
import { cohortsForApi } from '../config/api-ids';
import { annotateConfigIssues, loadConfig, type SchoolConfig } from '../config/load-config';
import { readStudentMatches } from '../continuity/matches-sheet';
import { HistoryIndex } from '../history/history-index';
import { readMigratedHistory } from '../history/migrations';
import { checkHistoryHeader } from '../history/schema';
import { futureStartNote, NO_ACTIVE_COHORT, unreadableHistoryRows } from '../messages/sync';
import { ConfigError, type ConfigIssue } from '../model/issues';
import { readPushedProgress } from '../push/pushed-sheet';
import { COHORT_HEADERS, SHEET } from '../sheets';
import { localDateOf, weekKeyOf } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';
import type { SyncCheckpoint } from './checkpoint';
import { SyncJob, type SyncJobInput } from './job';
import { decodeStaging } from './staging';

export interface StartOptions {
  readonly now: number;
  readonly target: ApiTarget;
  readonly runId: string;
  /** A checkpoint of this week's unfinished run, to continue it from the staging sheet. */
  readonly resume?: SyncCheckpoint | null;
}

/**
 * Reads the config (flagging bad cells in the sheets) and the history, and creates the job.
 * Throws ConfigError when nothing can run: an unusable sheet or no valid active cohort.
 */
export function startWeekRun(workbook: Workbook, options: StartOptions): { job: SyncJob; config: SchoolConfig } {
  const loaded = loadConfig(workbook);
  const today = localDateOf(options.resume?.now ?? options.now, loaded.settings.timeZone);
  const forApi = cohortsForApi(loaded.cohorts, options.target.api ?? 'v1');
  // A cohort with the other generation's ids is left out of the job only: its sheets and rows stay as they are.
  const config: SchoolConfig = { ...loaded, issues: [...loaded.issues, ...forApi.issues, ...futureStarts(loaded, today)] };
  annotateConfigIssues(workbook, config.issues);
  const blocking = config.issues.filter((issue) => issue.severity === 'error' && issue.row <= 0);
  if (blocking.length > 0) throw new ConfigError(blocking);
  if (!forApi.cohorts.some((cohort) => cohort.active)) {
    throw new ConfigError([
      ...config.issues.filter((issue) => issue.severity === 'error'),
      { sheet: SHEET.cohorts, row: -1, column: -1, columnName: '', severity: 'error', message: NO_ACTIVE_COHORT },
    ]);
  }
  const timeZone = config.settings.timeZone;
  const stored = readMigratedHistory(workbook, today);
  checkHistoryHeader(stored);
  const resume = options.resume && options.resume.week === weekKeyOf(options.resume.now, timeZone) ? options.resume : null;
  const week = weekKeyOf(resume?.now ?? options.now, timeZone);
  const history = HistoryIndex.fromSheet(stored, timeZone, week);
  const adjustments = effectiveAdjustments(parseAdjustments(workbook.readSheet(SHEET.adjustments)));
  const pushed = readPushedProgress(workbook);
  const matches = readStudentMatches(workbook);
  const input = {
    config: { ...config, cohorts: forApi.cohorts },
    target: options.target,
    history,
    now: options.now,
    runId: options.runId,
    adjustments,
    pushed,
    matches,
  };
  const job = resume ? resumedJob(input, resume, workbook.readSheet(SHEET.staging)) : new SyncJob(input);
  if (history.unreadableRows.length > 0) {
    job.warnings.push(
      unreadableHistoryRows(
        history.unreadableRows.length,
        history.unreadableRows.slice(0, 5).map((row) => row + 1),
      ),
    );
  }
  return { job, config };
}

/** The job again from its cursor and the staging sheet (whose rows a pause then appends to, when all are this run's). */
function resumedJob(input: SyncJobInput, checkpoint: SyncCheckpoint, staging: Cell[][] | null): SyncJob {
  const records = decodeStaging(staging, checkpoint.runId);
  // A missing or emptied sheet (no header row) is written whole again.
  const sheetRows = staging !== null && staging.length > 0 ? staging.length - 1 : undefined;
  return new SyncJob(input, { checkpoint, records, sheetRows });
}

/** Active cohorts that have not started yet: not an error, but said at the cell so nobody wonders. */
function futureStarts(config: SchoolConfig, today: string): ConfigIssue[] {
  return config.cohorts
    .filter((cohort) => cohort.active && cohort.start > today)
    .map((cohort) => ({
      sheet: SHEET.cohorts,
      row: cohort.sheetRow,
      column: COHORT_HEADERS.indexOf('Início'),
      columnName: 'Início',
      severity: 'warning' as const,
      message: futureStartNote(cohort.start),
    }));
}
