// Starting and finishing a weekly run against a workbook: the steps both hosts share.

import { parseAdjustments } from '../adjustments/adjustments-sheet';
import { effectiveAdjustments } from '../adjustments/effective';
import type { ApiTarget } from '../cademi/types';
import { ConfigError, type ConfigIssue, describeIssue } from '../config/issues';
import { annotateConfigIssues, loadConfig, type SchoolConfig } from '../config/load-config';
import { describeGrowth, estimateGrowth } from '../history/growth';
import { HistoryIndex } from '../history/history-index';
import { readMigratedHistory } from '../history/migrations';
import type { HistoryRow } from '../history/schema';
import { checkHistoryHeader, HISTORY_HEADERS } from '../history/schema';
import { futureStartNote, NO_ACTIVE_COHORT, unreadableHistoryRows } from '../messages/sync';
import { readPushedProgress } from '../push/pushed-sheet';
import type { WeeklyContacts } from '../report/contacts';
import { readHistoryRows, writeReports } from '../report/report-sheets';
import { appendRunLog } from '../runlog/run-log';
import { COHORT_HEADERS, SHEET } from '../sheets';
import { localDateOf, weekKeyOf } from '../time/local-date';
import type { Workbook } from '../workbook/workbook';
import type { SyncCheckpoint } from './checkpoint';
import { commitWeek } from './commit';
import { SyncJob, type SyncResult } from './job';
import { decodeStaging, encodeStaging } from './staging';

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
  const config: SchoolConfig = { ...loaded, issues: [...loaded.issues, ...futureStarts(loaded, today)] };
  annotateConfigIssues(workbook, config.issues);
  const blocking = config.issues.filter((issue) => issue.severity === 'error' && issue.row <= 0);
  if (blocking.length > 0) throw new ConfigError(blocking);
  if (!config.cohorts.some((cohort) => cohort.active)) {
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
  const input = { config, target: options.target, history, now: options.now, runId: options.runId, adjustments, pushed };
  const job = resume ? new SyncJob(input, { checkpoint: resume, records: decodeStaging(workbook.readSheet(SHEET.staging), resume.runId) }) : new SyncJob(input);
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

/** What the API revealed about `Turmas` rows, as issues at their cells. */
function cohortIssues(config: SchoolConfig, result: SyncResult): ConfigIssue[] {
  return result.cohortProblems.flatMap((problem) => {
    const cohort = config.cohorts.find((candidate) => candidate.name === problem.cohort);
    if (!cohort) return [];
    const column = COHORT_HEADERS.indexOf(problem.column);
    return [{ sheet: SHEET.cohorts, row: cohort.sheetRow, column, columnName: problem.column, message: problem.message, severity: 'warning' as const }];
  });
}

/** Saves what an unfinished run collected (one write), before its checkpoint is advanced. */
export function saveStaging(workbook: Workbook, job: SyncJob): void {
  workbook.writeSheet(SHEET.staging, { rows: encodeStaging(job.runId, job.stagingRecords()), hidden: true });
}

/** Host steps around the commit (archiving old weeks before it, a BigQuery copy after); each returns log notes. */
export interface WeekRunHooks {
  readonly beforeCommit?: () => string[];
  readonly afterCommit?: (result: SyncResult) => string[];
  /** The history the reports are built from, when the host has a fuller source than `Histórico`; null = the sheet. */
  readonly reportHistory?: (config: SchoolConfig) => { rows: HistoryRow[] | null; notes: string[] };
}

/**
 * Writes the completed week into `Histórico`, rebuilds the report sheets from it, and logs the run.
 * The result's `rows` (also handed to `afterCommit`) are the week's rows as `Histórico` now holds
 * them: this run's, plus those kept for cohorts it could not collect, so a copy elsewhere (BigQuery)
 * that replaces the week gets all of them. Throws SyncFailedError when the run collected nothing.
 */
export function finishWeekRun(
  workbook: Workbook,
  job: SyncJob,
  config: SchoolConfig,
  log: { trigger: string; startedAt: number; finishedAt: number },
  hooks: WeekRunHooks = {},
): SyncResult & { contacts: WeeklyContacts } {
  const collected = job.result();
  const notes = [...(hooks.beforeCommit?.() ?? [])];
  const { table: history, keptRows } = commitWeek(workbook, collected, config.settings.timeZone);
  const result: SyncResult = keptRows.length === 0 ? collected : { ...collected, rows: [...keptRows, ...collected.rows] };
  notes.push(...(hooks.afterCommit?.(result) ?? []));
  if (result.cohortProblems.length > 0) annotateConfigIssues(workbook, [...config.issues, ...cohortIssues(config, result)]);
  const source = hooks.reportHistory?.(config) ?? { rows: null, notes: [] };
  notes.push(...source.notes);
  const { contacts } = writeReports(workbook, config, source.rows ?? readHistoryRows(history, config.settings.timeZone));
  appendRunLog(
    workbook,
    {
      ...log,
      week: result.week,
      outcome: 'Concluída',
      cohorts: result.stats.cohorts,
      students: result.stats.students,
      calls: result.stats.calls,
      carried: result.stats.carried,
      retries: result.stats.retries,
      errors: result.warnings.length,
      message: [
        describeGrowth(estimateGrowth(workbook.cellCount(), collected.rows.length, HISTORY_HEADERS.length)),
        ...notes,
        ...sheetNotices(config),
        ...result.warnings,
      ]
        .join(' ')
        .slice(0, 1000),
    },
    config.settings.timeZone,
  );
  return { ...result, contacts };
}

/** Warnings about whole sheets (a renamed `Histórico` named back, say): no cell can carry them, so the run log does. */
function sheetNotices(config: SchoolConfig): string[] {
  return config.issues.filter((issue) => issue.severity === 'warning' && issue.row < 0).map((issue) => `${describeIssue(issue)}.`);
}
