// How a run leaves its state, the same on both hosts: a slice that pauses saves what it collected,
// then its cursor; a run that completes commits its week in one order that is safe wherever the
// process dies. The host keeps its run state behind `RunStateStore`.

import { withSpreadsheetPhones } from '../bigquery/history-table';
import { annotateConfigIssues, type SchoolConfig } from '../config/load-config';
import { recordStudentMatches } from '../continuity/matches-sheet';
import { describeGrowth, estimateGrowth } from '../history/growth';
import { HISTORY_HEADERS, type HistoryRow } from '../history/schema';
import { readThroughApi, weekCompleted } from '../messages/sync';
import { type ConfigIssue, describeIssue } from '../model/issues';
import type { WeeklyContacts } from '../report/contacts';
import { readHistoryRows, writeReports } from '../report/report-sheets';
import { arrangeTabs } from '../report/tab-order';
import { appendRunLog } from '../runlog/run-log';
import { COHORT_HEADERS, SHEET } from '../sheets';
import type { LocalDate } from '../time/local-date';
import type { Workbook } from '../workbook/workbook';
import type { SyncCheckpoint } from './checkpoint';
import { dropStaging, writeWeekToHistory } from './commit';
import type { SyncJob, SyncResult } from './job';
import { encodeStaging } from './staging';

/**
 * What a host keeps of a run between executions. Apps Script keeps it in document properties (a
 * slice resumes from there); Node keeps nothing, since it saves its workbook only once a run has
 * completed, so a process that dies leaves the file as it was.
 */
export interface RunStateStore {
  /** True while a cursor of the current run is stored (the slice resumed from one, or saved one). */
  hasCursor(): boolean;
  /** Stores the run's cursor, replacing any earlier one. */
  saveCursor(cursor: SyncCheckpoint): void;
  /** The week is complete: from here no new run of it is due, and a request for one is withdrawn. */
  recordCompletion(week: LocalDate, summary: string): void;
  /** The run is over: its cursor goes, with whatever was published about its progress. */
  clearCursor(): void;
}

/**
 * Saves what an unfinished run collected (one write), before its cursor is advanced. A slice that
 * resumed from the sheet appends only what it collected: rewriting every earlier slice's rows at each
 * pause would cost a long run time quadratic in its slices.
 */
function saveStaging(workbook: Workbook, job: SyncJob): void {
  const records = job.stagingRecords();
  const onSheet = job.stagingOnSheet();
  if (onSheet === null) {
    workbook.writeSheet(SHEET.staging, { rows: encodeStaging(job.runId, records), hidden: true });
    return;
  }
  // Row 0 is the header, so the sheet's rows after it start at 1 + its data rows.
  const added = encodeStaging(job.runId, records.slice(onSheet.records)).slice(1);
  workbook.replaceRowsFrom(SHEET.staging, 1 + onSheet.sheetRows, added);
}

/**
 * A slice that ends before its run does: the staging first, then the cursor. A process that dies
 * in between resumes from the older cursor over the newer staging (a superset: its records are
 * taken once each), or, with no cursor yet, starts a new run that ignores the staging of this one.
 */
export function pauseWeek(workbook: Workbook, job: SyncJob, store: RunStateStore): void {
  saveStaging(workbook, job);
  store.saveCursor(job.checkpoint());
}

/**
 * What a host step has to say in the run log: `notes`, and `failures` among them, a part of the run
 * that failed without costing the week (a BigQuery copy): said in the message and counted as `Avisos`.
 */
export interface StepNotes {
  readonly notes: readonly string[];
  readonly failures?: readonly string[];
}

/** Host steps around the commit (archiving old weeks before it, a BigQuery copy after). */
export interface WeekRunHooks {
  readonly beforeCommit?: () => string[];
  readonly afterCommit?: (result: SyncResult) => StepNotes;
  /** The history the reports are built from, when the host has a fuller source than `Histórico`; null = the sheet. */
  readonly reportHistory?: (config: SchoolConfig) => StepNotes & { rows: HistoryRow[] | null };
}

/** The `Execuções` row's trigger and times; `startedAt` is the run's first slice's, so a redone commit replaces its row. */
export interface CommitLog {
  readonly trigger: string;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/**
 * Commits a completed week, in this order (a process may die between any two steps):
 *
 * 1. the week's rows are computed: a run that collected nothing throws SyncFailedError here,
 *    before anything is written;
 * 2. a run completing in its first slice stores a cursor that lists nothing (there is no staging
 *    to resume from), so from here on a death is redone as the same run: same id and start;
 * 3. `beforeCommit` (old weeks to the archive), then `Histórico`: the week replaced in one write;
 * 4. `afterCommit` (the BigQuery copy, which replaces the week too), the `Turmas` notes, the
 *    reports (rebuilt whole) and the `Concluída` row of `Execuções` (a redo replaces it);
 * 5. the completion is recorded: no new run of the week is due from here;
 * 6. the cursor goes: a death before this redoes the commit (every step above is idempotent);
 * 7. the staging goes, only now: a cursor resumed without its staging would lose students, and a
 *    staging left behind is of a run no later one resumes.
 *
 * Anything that must not happen twice (e-mails) belongs after this returns. The result's `rows`
 * (also handed to `afterCommit`) are the week's rows as `Histórico` now holds them: this run's,
 * plus those kept for cohorts it could not collect.
 */
export function commitWeek(
  workbook: Workbook,
  job: SyncJob,
  config: SchoolConfig,
  store: RunStateStore,
  log: CommitLog,
  hooks: WeekRunHooks = {},
): SyncResult & { contacts: WeeklyContacts } {
  const collected = job.result();
  if (!store.hasCursor()) store.saveCursor({ ...job.checkpoint(), listed: [], unknownTags: [], walks: {} });
  const result = writeWeek(workbook, collected, config, log, hooks);
  store.recordCompletion(result.week, weekCompleted(result.week, result.stats.students, result.stats.calls));
  store.clearCursor();
  dropStaging(workbook);
  return result;
}

/** Steps 3 and 4: the week into `Histórico`, then everything built from it, then the run log. */
function writeWeek(
  workbook: Workbook,
  collected: SyncResult,
  config: SchoolConfig,
  log: CommitLog,
  hooks: WeekRunHooks,
): SyncResult & { contacts: WeeklyContacts } {
  const timeZone = config.settings.timeZone;
  const notes = [...(hooks.beforeCommit?.() ?? [])];
  const { table: history, keptRows } = writeWeekToHistory(workbook, collected, timeZone);
  // The week's rows name matched students by their v1 id: the match is kept with them.
  recordStudentMatches(workbook, collected.matches);
  const result: SyncResult = keptRows.length === 0 ? collected : { ...collected, rows: [...keptRows, ...collected.rows] };
  const copied = hooks.afterCommit?.(result) ?? { notes: [] };
  notes.push(...copied.notes);
  if (result.cohortProblems.length > 0) annotateConfigIssues(workbook, [...config.issues, ...cohortIssues(config, result)]);
  const source = hooks.reportHistory?.(config) ?? { rows: null, notes: [] };
  notes.push(...source.notes);
  const stepFailures = (copied.failures?.length ?? 0) + (source.failures?.length ?? 0);
  const sheetRows = readHistoryRows(history, timeZone);
  const { contacts } = writeReports(workbook, config, source.rows ? withSpreadsheetPhones(source.rows, sheetRows) : sheetRows);
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
      errors: result.errors.length,
      warnings: result.warnings.filter((warning) => !result.errors.includes(warning)).length + stepFailures,
      message: [
        readThroughApi(result.api),
        describeGrowth(estimateGrowth(workbook.cellCount(), collected.rows.length, HISTORY_HEADERS.length)),
        ...notes,
        ...sheetNotices(config),
        ...result.warnings,
      ]
        .join(' ')
        .slice(0, 1000),
    },
    timeZone,
  );
  // Last, once every sheet of the week exists (a first run creates `Execuções` just above).
  arrangeTabs(workbook, config);
  return { ...result, contacts };
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

/** Warnings about whole sheets (a renamed `Histórico` named back, say): no cell can carry them, so the run log does. */
function sheetNotices(config: SchoolConfig): string[] {
  return config.issues.filter((issue) => issue.severity === 'warning' && issue.row < 0).map((issue) => `${describeIssue(issue)}.`);
}
