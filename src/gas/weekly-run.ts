// One slice of the weekly run in Apps Script: resume or start, fetch for up to ~4.5 minutes,
// then either commit the completed week or save staging + checkpoint for the next tick (both in
// the core's order, `week-commit`, over the document properties).

import { describeBigQueryFailure } from '../core/bigquery/failure';
import { readHistoryFromBigQuery, writeWeekToBigQuery } from '../core/bigquery/history-sink';
import { tokenProblem } from '../core/cademi/token';
import type { ApiTarget } from '../core/cademi/types';
import { apiTargetFor } from '../core/config/api-choice';
import type { SchoolConfig } from '../core/config/load-config';
import { type ApiUrlSetting, parseSettingsSheet } from '../core/config/settings-sheet';
import { describeError } from '../core/errors';
import { describeRollover } from '../core/history/archive-sink';
import type { HistoryRow } from '../core/history/schema';
import { HistorySchemaError } from '../core/history/schema';
import { tokenMessages } from '../core/messages/cademi';
import {
  apiPause,
  apiPausePastWeek,
  archiveFailed,
  bigQueryCopied,
  bigQueryCopyFailed,
  bigQueryReadFailed,
  checkpointUnreadable,
  formatInstant,
  invalidConfiguration,
  URLFETCH_QUOTA_PAUSE,
  unexpectedFailure,
  weekEndedUnfinished,
} from '../core/messages/sync';
import { ConfigError, describeIssue } from '../core/model/issues';
import type { BigQueryTable } from '../core/model/settings';
import { DEFAULT_SETTINGS, type Settings } from '../core/model/settings';
import { describeDeliveries } from '../core/runlog/delivery-report';
import { appendRunLog } from '../core/runlog/run-log';
import { isWeeklyRunDue } from '../core/schedule/run-due';
import { SHEET } from '../core/sheets';
import type { SyncCheckpoint } from '../core/sync/checkpoint';
import { SyncFailedError } from '../core/sync/errors';
import type { PendingWait, SyncJob, SyncResult } from '../core/sync/job';
import { MAX_WAIT_MS } from '../core/sync/pacer';
import { runSlice } from '../core/sync/slice-driver';
import { commitWeek, pauseWeek, type RunStateStore, type StepNotes } from '../core/sync/week-commit';
import { startWeekRun } from '../core/sync/week-run';
import { addDays, localDateOf, mondayOf, startOfLocalDate, weekKeyOf } from '../core/time/local-date';
import { type IncidentKind, raiseIncident, settleIncidents } from './alerts';
import { apiUrlRefusalForKey } from './api-target';
import { ArchiveUnavailableError, rollOverSpreadsheetHistory } from './archive-spreadsheet';
import { advancedServiceBigQueryClient } from './bigquery-client';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import * as state from './state-store';
import { mailTutors } from './tutor-mail';
import { fetchAllRequests, UrlFetchQuotaError, UrlNotAllowedError } from './urlfetch-transport';
import { withWorkbookLock } from './workbook-lock';

/** Apps Script stops an execution at 6 minutes; a slice stops fetching well before. */
const SLICE_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * Extra spacing between batches against network jitter. fetchAll sends a batch together, so the
 * server sees its requests within milliseconds; a small margin keeps the rate near 2 req/s, and a
 * rare 429 is retried with its Retry-After.
 */
const PACING_MARGIN_MS = 20;
/** How often a slice publishes its progress (a properties write) for the sidebar. */
const PROGRESS_EVERY_MS = 5_000;

export type SliceReport =
  | { readonly kind: 'busy' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'no-token' }
  | { readonly kind: 'paused'; readonly week: string; readonly settled: number; readonly total: number }
  | { readonly kind: 'completed'; readonly week: string; readonly students: number; readonly calls: number; readonly carried: number }
  | { readonly kind: 'waiting-quota'; readonly until: number }
  /** Cademi asked (429 Retry-After) for a wait longer than a slice: the run resumes at `until`. */
  | { readonly kind: 'waiting-api'; readonly until: number }
  | { readonly kind: 'failed'; readonly message: string };

export interface SliceRequest {
  /** `Agendada` (tick) or `Manual` (menu). */
  readonly trigger: 'Agendada' | 'Manual';
  /** Progress callback (the menu shows toasts). */
  readonly onProgress?: (job: SyncJob) => void;
}

/** Runs one slice if a run is requested, due or in progress; never two at once, nor beside another writer (the workbook lock). */
export function runOneSlice(request: SliceRequest): SliceReport {
  return withWorkbookLock(
    1000,
    () => guardedSlice(request),
    (): SliceReport => ({ kind: 'busy' }),
  );
}

/** What a failed run is logged with; filled in as the slice learns it (defaults until the settings are read). */
interface FailureContext {
  readonly request: SliceRequest;
  readonly startedAt: number;
  workbook: SpreadsheetWorkbook | null;
  settings: Settings;
}

/**
 * Every way a slice can end badly ends as a failed run (a `Falhou` row in Execuções and an alert):
 * the expected failures below, and anything unexpected — a property write that does not fit, a
 * sheet service error, a bug — through the same `fail()`. Nothing is rethrown to the trigger but
 * the executor's own time limit, which no script can outlive (the next tick resumes the run).
 */
function guardedSlice(request: SliceRequest): SliceReport {
  const context: FailureContext = { request, startedAt: Date.now(), workbook: null, settings: DEFAULT_SETTINGS };
  try {
    return sliceUnderLock(context);
  } catch (error) {
    // Apps Script ending the execution at its time limit is no failed run: the next tick resumes from the checkpoint.
    if (isExecutionEnd(error)) throw error;
    try {
      return fail(
        context,
        error instanceof state.StateLimitError || error instanceof UrlNotAllowedError ? error.message : unexpectedFailureMessage(error),
        'falha',
      );
    } catch (failure) {
      // fail() guards each of its steps; this is the last resort, so the trigger never throws in a loop.
      console.error(`slice failed and its failure could not be recorded: ${describeError(failure)}; original error: ${describeError(error)}`);
      return { kind: 'failed', message: unexpectedFailureMessage(error) };
    }
  }
}

/** A run that goes ahead: the cursor it resumes (null: a new run). */
interface RunToContinue {
  readonly kind: 'run';
  readonly checkpoint: SyncCheckpoint | null;
}

/** Where a run's requests go (generation, address) and the token they may send. */
interface ApiAccess {
  readonly kind: 'access';
  readonly target: ApiTarget;
}

/** Preflight, then one slice of the run: fetch, then pause (staging, cursor) or commit the week. */
function sliceUnderLock(context: FailureContext): SliceReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const workbook = new SpreadsheetWorkbook(spreadsheet);
  context.workbook = workbook;
  const { settings, apiUrl } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  context.settings = settings;
  const run = runToContinue(context);
  if (run.kind !== 'run') return run;
  const access = apiAccess(context, apiUrl);
  if (access.kind !== 'access') return access;
  const { checkpoint } = run;
  try {
    const { job, config } = startWeekRun(workbook, {
      now: context.startedAt,
      target: access.target,
      runId: checkpoint?.runId ?? `${context.request.trigger}-${context.startedAt}`,
      resume: checkpoint,
    });
    const store = propertiesRunState(checkpoint !== null);
    const fetched = fetchSlice(context, job, config);
    if (fetched === 'complete') return completeWeek(context, spreadsheet, workbook, job, config, store, checkpoint);
    return pauseSlice(context, workbook, job, store, fetched === 'quota-spent');
  } catch (error) {
    return runFailure(context, error);
  }
}

/**
 * Whether a run goes now: one in progress (its cursor), requested or due, unless the UrlFetch quota
 * or Cademi asked to wait, or the run's week is over.
 */
function runToContinue(context: FailureContext): RunToContinue | SliceReport {
  const { startedAt, settings } = context;
  const stored = state.readStoredCheckpoint();
  if (stored.kind === 'unreadable') return fail(context, checkpointUnreadable(stored.reason), 'falha');
  const checkpoint = stored.kind === 'valid' ? stored.checkpoint : null;
  if (!checkpoint && !state.isRunRequested() && !isWeeklyRunDue(startedAt, settings, state.readRunHistory())) return { kind: 'idle' };
  const pausedUntil = state.readPausedUntil();
  if (pausedUntil !== null && startedAt < pausedUntil) return { kind: 'waiting-quota', until: pausedUntil };
  state.setPausedUntil(null);
  if (checkpoint && weekKeyOf(startedAt, settings.timeZone) > checkpoint.week) {
    // The week ended before its run could finish: its rows would be mislabeled now, so it is dropped.
    return fail(context, weekEndedUnfinished(checkpoint.week, checkpoint.calls), 'prazo');
  }
  // Cademi asked for a pause: no request goes before it ends (a tick that retried would only earn another 429).
  if (checkpoint?.notBefore !== undefined && startedAt < checkpoint.notBefore) return { kind: 'waiting-api', until: checkpoint.notBefore };
  return { kind: 'run', checkpoint };
}

/**
 * Before any request: an address the token must not go to for the generation it picks (checked before
 * the token, so a bad cell is never reported as a missing key; an empty cell is fine on v3, whose
 * default address it means), then a token no header can carry (the platform's error would quote it).
 */
function apiAccess(context: FailureContext, apiUrl: ApiUrlSetting): ApiAccess | SliceReport {
  const { settings } = context;
  const token = state.readToken();
  const urlRefused = apiUrlRefusalForKey(settings, apiUrl, token);
  if (urlRefused) return fail(context, urlRefused, 'falha');
  if (!token) return { kind: 'no-token' };
  const badToken = tokenProblem(token);
  if (badToken) return fail(context, tokenMessages.runRefused(badToken), 'token');
  return { kind: 'access', target: apiTargetFor(settings.apiVersion, settings.apiUrl, token) };
}

/** Fetches until the run completes or the slice's budget ends; a spent UrlFetch quota pauses the run until tomorrow. */
function fetchSlice(context: FailureContext, job: SyncJob, config: SchoolConfig): 'complete' | 'paused' | 'quota-spent' {
  const timeZone = job.timeZone;
  try {
    return runSlice(
      job,
      { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms), fetchAll: fetchAllRequests },
      {
        requestsPerSecond: config.settings.requestsPerSecond,
        deadline: context.startedAt + SLICE_BUDGET_MS,
        marginMs: PACING_MARGIN_MS,
        onBatch: progressReporter(context.request),
      },
    );
  } catch (error) {
    if (!(error instanceof UrlFetchQuotaError)) throw error;
    // Today's UrlFetch quota is spent: keep what was collected and continue after midnight.
    state.setPausedUntil(startOfLocalDate(addDays(localDateOf(Date.now(), timeZone), 1), timeZone));
    return 'quota-spent';
  }
}

/** Tells the menu on every batch, and the sidebar (a properties write) at most every PROGRESS_EVERY_MS. */
function progressReporter(request: SliceRequest): (job: SyncJob) => void {
  let savedAt = 0;
  return (job) => {
    request.onProgress?.(job);
    if (Date.now() - savedAt < PROGRESS_EVERY_MS) return;
    savedAt = Date.now();
    saveProgressQuietly({ week: job.week, ...job.progress(), at: savedAt });
  };
}

/**
 * The slice ends before the run: staging and cursor saved (`pauseWeek`), and the run log says so
 * when the pause is a long one (the UrlFetch quota, or Cademi's Retry-After past the slice).
 */
function pauseSlice(context: FailureContext, workbook: SpreadsheetWorkbook, job: SyncJob, store: RunStateStore, quotaSpent: boolean): SliceReport {
  const wait = quotaSpent ? null : longApiPause(job, context.startedAt + SLICE_BUDGET_MS);
  if (wait && wait.until >= startOfLocalDate(addDays(job.week, 7), job.timeZone)) {
    return fail(context, apiPausePastWeek(wait.requestedMs, wait.endpoint, job.week), 'falha');
  }
  pauseWeek(workbook, job, store);
  const progress = job.progress();
  saveProgressQuietly({ week: job.week, ...progress, at: 0 });
  if (quotaSpent) logInProgress(context, workbook, job, URLFETCH_QUOTA_PAUSE);
  if (wait) {
    logInProgress(context, workbook, job, apiPause(wait.requestedMs, wait.endpoint, formatInstant(wait.until, job.timeZone)));
    return { kind: 'waiting-api', until: wait.until };
  }
  return { kind: 'paused', week: job.week, settled: progress.settled, total: progress.total };
}

/** Cademi's Retry-After when it outlasts both the slice and the longest wait a slice sits through (else an ordinary pause). */
function longApiPause(job: SyncJob, deadline: number): PendingWait | null {
  const wait = job.pendingWait();
  if (!wait?.rateLimited) return null;
  return wait.until >= deadline && wait.until - Date.now() >= MAX_WAIT_MS ? wait : null;
}

/** An `Em andamento` row in Execuções: the run pauses for longer than a tick, and says why. */
function logInProgress(context: FailureContext, workbook: SpreadsheetWorkbook, job: SyncJob, message: string): void {
  appendRunLog(
    workbook,
    {
      startedAt: context.startedAt,
      finishedAt: Date.now(),
      trigger: context.request.trigger,
      week: job.week,
      outcome: 'Em andamento',
      cohorts: job.stats.cohorts,
      students: 0,
      calls: job.stats.calls,
      carried: job.stats.carried,
      retries: job.stats.retries,
      errors: 0,
      warnings: 0,
      message,
    },
    job.timeZone,
  );
}

/** The run completes: the week committed in the core's order (`commitWeek`), then the tutors' e-mails, sent once. */
function completeWeek(
  context: FailureContext,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  workbook: SpreadsheetWorkbook,
  job: SyncJob,
  config: SchoolConfig,
  store: RunStateStore,
  resumedFrom: SyncCheckpoint | null,
): SliceReport {
  const { settings } = config;
  const log = { trigger: context.request.trigger, startedAt: resumedFrom?.now ?? context.startedAt, finishedAt: Date.now() };
  const result = commitWeek(workbook, job, config, store, log, {
    beforeCommit: () => archiveOldWeeks(spreadsheet, workbook),
    afterCommit: (week) => {
      const copy = copyWeekToBigQuery(settings.bigQueryTable, week);
      // The run's own incident is over; a copy that failed opens its own, alerted once.
      const copyFailure = copy.failures?.[0];
      const alerts = settleIncidents(copyFailure ? { kind: 'bigquery', message: copyFailure } : null, settings.alertEmail, spreadsheet.getUrl());
      return { notes: [...copy.notes, ...alerts.map(describeDeliveries)].filter(Boolean), failures: copy.failures };
    },
    reportHistory: (school) => historyFromBigQuery(school),
  });
  if (settings.emailTutors) mailTutors(result.contacts, spreadsheet.getUrl());
  return { kind: 'completed', week: result.week, students: result.stats.students, calls: result.stats.calls, carried: result.stats.carried };
}

/** The run's expected failures (the API, the config, the history's header) end as a failed run; anything else goes up to `guardedSlice`. */
function runFailure(context: FailureContext, error: unknown): SliceReport {
  if (error instanceof SyncFailedError || error instanceof ConfigError || error instanceof HistorySchemaError) {
    const message = error instanceof ConfigError ? invalidConfiguration(error.issues.map(describeIssue)) : error.message;
    const kind = error instanceof SyncFailedError && error.kind === 'auth' ? 'token' : 'falha';
    return fail(context, message, kind);
  }
  throw error;
}

/**
 * The run state in document properties (state-store.ts), behind the core's port. `cursorStored`
 * says whether the slice resumed from a cursor, so the commit need not read the properties again.
 */
function propertiesRunState(cursorStored: boolean): RunStateStore {
  let stored = cursorStored;
  return {
    hasCursor: () => stored,
    saveCursor: (cursor) => {
      state.saveCheckpoint(cursor);
      stored = true;
    },
    recordCompletion: (week, summary) => state.recordCompletion(week, summary),
    clearCursor: () => {
      state.clearCheckpoint();
      stored = false;
      state.clearProgress();
    },
  };
}

/** The executor's time limit (https://developers.google.com/apps-script/guides/services/quotas#current_limitations). */
const EXECUTION_END = /Exceeded maximum execution time|Tempo (máximo )?de execução (máximo )?excedido/i;

function isExecutionEnd(error: unknown): boolean {
  return typeof error === 'object' && error !== null && EXECUTION_END.test(String((error as Error).message));
}

/** The sidebar's progress bar is not worth a run: a write that fails is only logged. */
function saveProgressQuietly(progress: state.SliceProgress): void {
  try {
    state.saveProgress(progress);
  } catch (error) {
    console.warn(`progress not saved: ${describeError(error)}`);
  }
}

/**
 * A failed run: nothing of the week is written; the log says why; the staging is dropped; one alert.
 * Each step is tried on its own, so a broken service (properties full, sheet unavailable) still
 * leaves the others done; what could not be done goes to console.error. Never throws.
 */
function fail(context: FailureContext, reason: string, incident: IncidentKind): SliceReport {
  const { request, startedAt, settings } = context;
  const message = reason.slice(0, MAX_FAILURE_MESSAGE_CHARS);
  const timeZone = settings.timeZone;
  const problems: string[] = [];
  const step = <T>(what: string, action: () => T): T | undefined => {
    try {
      return action();
    } catch (error) {
      problems.push(`${what}: ${describeError(error)}`);
      return undefined;
    }
  };
  const checkpoint = step('read checkpoint', () => state.readCheckpoint()) ?? null;
  const cleared = step('clear checkpoint', () => {
    state.clearCheckpoint();
    return true;
  });
  step('clear progress', () => state.clearProgress());
  step('withdraw run request', () => state.setRunRequested(false));
  step('record failure', () => state.recordFailure(Date.now(), message));
  // The alert goes first, so the log row can say whether it arrived.
  const alert =
    step('raise incident', () => describeDeliveries(raiseIncident(incident, message, settings.alertEmail, SpreadsheetApp.getActiveSpreadsheet().getUrl()))) ??
    '';
  const workbook = context.workbook ?? step('open spreadsheet', () => new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  // The staging goes only once the cursor is gone: a cursor resumed without its staging would lose students.
  if (workbook && cleared) step('drop staging', () => workbook.deleteSheet(SHEET.staging));
  if (workbook) {
    step('append run log', () =>
      appendRunLog(
        workbook,
        {
          startedAt: checkpoint?.now ?? startedAt,
          finishedAt: Date.now(),
          trigger: request.trigger,
          week: checkpoint?.week ?? weekKeyOf(startedAt, timeZone),
          outcome: 'Falhou',
          cohorts: 0,
          students: 0,
          calls: checkpoint?.calls ?? 0,
          carried: 0,
          retries: checkpoint?.retries ?? 0,
          errors: 1,
          warnings: 0,
          message: [message, alert].filter(Boolean).join(' ').slice(0, MAX_FAILURE_MESSAGE_CHARS),
        },
        timeZone,
      ),
    );
  }
  if (problems.length > 0) console.error(`failed run not fully recorded (${problems.join('; ')}); failure: ${message}`);
  return { kind: 'failed', message };
}

/** Failure messages go to a cell, a property value and an alert: capped well under all three limits. */
const MAX_FAILURE_MESSAGE_CHARS = 1000;

/** The run-log text of an error nobody planned for: what it was, never what a server answered. */
function unexpectedFailureMessage(error: unknown): string {
  return unexpectedFailure(describeError(error));
}

/** Near the cell limit, the oldest weeks move to the archive spreadsheet; a failure there never costs the week. */
function archiveOldWeeks(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, workbook: SpreadsheetWorkbook): string[] {
  try {
    const outcome = rollOverSpreadsheetHistory(spreadsheet, workbook);
    return outcome ? [describeRollover(outcome)] : [];
  } catch (error) {
    // Ours is written for a person; a Sheets error gives its class and message, cut before any server response.
    return [archiveFailed(error instanceof ArchiveUnavailableError ? error.message : describeError(error))];
  }
}

/** The optional BigQuery copy of the week (setting `Tabela BigQuery`), through the advanced service. */
function copyWeekToBigQuery(table: BigQueryTable | null, result: SyncResult): StepNotes {
  if (!table) return { notes: [] };
  try {
    const written = writeWeekToBigQuery(advancedServiceBigQueryClient(), result.rows, result.week, { table });
    return { notes: [bigQueryCopied(written.inserted)] };
  } catch (error) {
    const failed = bigQueryCopyFailed(describeBigQueryFailure(error, 'apps-script'));
    return { notes: [failed], failures: [failed] };
  }
}

/**
 * With BigQuery configured, the reports read the whole history from it (archived weeks included);
 * if it cannot answer, they fall back to `Histórico` and the log says so.
 */
function historyFromBigQuery(config: SchoolConfig): StepNotes & { rows: HistoryRow[] | null } {
  const table = config.settings.bigQueryTable;
  const [earliestStart] = config.cohorts.map((cohort) => cohort.start).sort();
  if (!table || earliestStart === undefined) return { rows: null, notes: [] };
  const since = mondayOf(earliestStart);
  try {
    return { rows: readHistoryFromBigQuery(advancedServiceBigQueryClient(), since, { table }), notes: [] };
  } catch (error) {
    const failed = bigQueryReadFailed(describeBigQueryFailure(error, 'apps-script'));
    return { rows: null, notes: [failed], failures: [failed] };
  }
}
