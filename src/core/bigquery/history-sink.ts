// Writing a week to, and reading the history from, BigQuery: one plan, driven by a sync or an async client.
//
// The plan is a generator of BigQuery calls (plain data), so the core still does no I/O: Apps Script
// drives it with the synchronous Advanced Service, Node with an async REST client.
//
// How a week is written (see requests.ts for why):
//   1. SELECT COUNT(*) of the week (a SELECT is allowed while rows sit in the streaming buffer);
//   2. if the week is already there, DML DELETE it. BigQuery refuses this for ~30 minutes after
//      the week was streamed: then nothing is inserted and BigQueryStreamingBufferError says to
//      retry later (the next run or tick), so the table never holds two copies;
//   3. tabledata.insertAll in chunks of 500 rows, insertId = row_key (a retried chunk is de-duplicated).
// A chunk refused with insertErrors stops the write; chunks before it stay, and the next write of
// the week replaces them (step 2).

import type { HistoryRow } from '../history/schema';
import * as say from '../messages/bigquery';
import type { LocalDate } from '../time/local-date';
import { type BigQueryHistoryRecord, BigQueryShapeError, fromBigQueryRow, upgradeHistoryTableDdl } from './history-table';
import {
  type BigQueryTable,
  countWeekQuery,
  deleteWeekQuery,
  historyQueryRequest,
  type InsertAllBody,
  type InsertAllResponse,
  insertAllRequest,
  parseQueryPage,
  type QueryBody,
  type QueryResponse,
  tableReference,
} from './requests';

export interface GetQueryResultsOptions {
  readonly pageToken?: string;
  readonly location?: string;
  readonly maxResults?: number;
  readonly timeoutMs?: number;
}

/** The three REST calls, synchronous (Apps Script's `BigQuery` Advanced Service). Failures throw. */
export interface BigQueryClient {
  insertAll(table: BigQueryTable, body: InsertAllBody): InsertAllResponse;
  query(projectId: string, body: QueryBody): QueryResponse;
  getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): QueryResponse;
}

/** The same calls, asynchronous (Node). */
export interface AsyncBigQueryClient {
  insertAll(table: BigQueryTable, body: InsertAllBody): Promise<InsertAllResponse>;
  query(projectId: string, body: QueryBody): Promise<QueryResponse>;
  getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): Promise<QueryResponse>;
}

export interface BigQuerySinkOptions {
  readonly table: BigQueryTable;
  /** Rows per insertAll request (BigQuery recommends about 500). */
  readonly chunkSize?: number;
  /** Rows per page when reading. */
  readonly pageSize?: number;
  /** getQueryResults polls (each waits up to 10 s) before a running job is reported as not ready. */
  readonly maxPolls?: number;
}

export interface WeekWriteResult {
  readonly week: LocalDate;
  readonly inserted: number;
  /** Rows of an earlier write of the same week that were deleted first. */
  readonly replaced: number;
}

/** insertAll refused rows: names the first rows by key with BigQuery's reason. */
export class BigQueryInsertError extends Error {
  constructor(
    message: string,
    readonly rowErrors: readonly { readonly rowKey: string; readonly reason: string; readonly field: string | null }[],
  ) {
    super(message);
    this.name = 'BigQueryInsertError';
  }
}

/** The week was streamed less than ~30 minutes ago and cannot be replaced yet; nothing was written. */
export class BigQueryStreamingBufferError extends Error {
  constructor(
    readonly week: LocalDate,
    table: BigQueryTable,
  ) {
    super(say.weekInStreamingBuffer(week, `${table.projectId}.${table.datasetId}.${table.tableId}`));
    this.name = 'BigQueryStreamingBufferError';
  }
}

/** A query job still running after every poll. */
export class BigQueryNotReadyError extends Error {
  constructor(
    readonly jobId: string,
    polls: number,
  ) {
    super(say.queryNotReady(jobId, polls));
    this.name = 'BigQueryNotReadyError';
  }
}

/** One BigQuery call the plan wants performed. */
export type BigQueryCall =
  | { readonly method: 'insertAll'; readonly table: BigQueryTable; readonly body: InsertAllBody }
  | { readonly method: 'query'; readonly projectId: string; readonly body: QueryBody }
  | { readonly method: 'getQueryResults'; readonly projectId: string; readonly jobId: string; readonly options: GetQueryResultsOptions };

type Plan<T> = Generator<BigQueryCall, T, InsertAllResponse | QueryResponse>;

const DEFAULT_CHUNK = 500;
const DEFAULT_POLLS = 12;
const POLL_TIMEOUT_MS = 10_000;

/** Writes one complete week (rows of that week only), replacing an earlier copy of it. */
export function writeWeekToBigQuery(client: BigQueryClient, rows: readonly HistoryRow[], week: LocalDate, options: BigQuerySinkOptions): WeekWriteResult {
  return drive(writeWeekPlan(rows, week, options), client);
}

export function writeWeekToBigQueryAsync(
  client: AsyncBigQueryClient,
  rows: readonly HistoryRow[],
  week: LocalDate,
  options: BigQuerySinkOptions,
): Promise<WeekWriteResult> {
  return driveAsync(writeWeekPlan(rows, week, options), client);
}

/** Every row from `sinceWeek` on, ordered by week, cohort, student and product. */
export function readHistoryFromBigQuery(client: BigQueryClient, sinceWeek: LocalDate, options: BigQuerySinkOptions): HistoryRow[] {
  return drive(readHistoryPlan(sinceWeek, options), client);
}

export function readHistoryFromBigQueryAsync(client: AsyncBigQueryClient, sinceWeek: LocalDate, options: BigQuerySinkOptions): Promise<HistoryRow[]> {
  return driveAsync(readHistoryPlan(sinceWeek, options), client);
}

function* writeWeekPlan(rows: readonly HistoryRow[], week: LocalDate, options: BigQuerySinkOptions): Plan<WeekWriteResult> {
  const { table } = options;
  tableReference(table);
  const stray = rows.find((row) => row.week !== week);
  if (stray) throw new RangeError(say.rowOfOtherWeek(`${stray.week}|${stray.studentId}|${stray.productId}`, week));
  const counted = yield* completedQuery(table.projectId, countWeekQuery(table, week), options);
  const existing = Number(counted.records[0]?.row_count ?? 0);
  let replaced = 0;
  if (existing > 0) {
    try {
      const deleted = yield* completedQuery(table.projectId, deleteWeekQuery(table, week), options);
      replaced = deleted.dmlAffectedRows ?? existing;
    } catch (error) {
      if (isStreamingBufferRefusal(error)) throw new BigQueryStreamingBufferError(week, table);
      throw error;
    }
  }
  const size = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  for (let start = 0; start < rows.length; start += size) {
    const body = insertAllRequest(rows.slice(start, start + size));
    const response = (yield { method: 'insertAll', table, body }) as InsertAllResponse;
    if (response.insertErrors && response.insertErrors.length > 0) throw insertError(body, response, start, rows.length, table);
  }
  return { week, inserted: rows.length, replaced };
}

function* readHistoryPlan(sinceWeek: LocalDate, options: BigQuerySinkOptions): Plan<HistoryRow[]> {
  const { table } = options;
  let page = yield* completedQuery(table.projectId, historyQueryRequest(table, sinceWeek, { maxResults: options.pageSize }), options);
  const rows = page.records.map(fromBigQueryRow);
  while (page.pageToken !== null) {
    const jobId = requireJobId(page.jobId);
    const response = (yield {
      method: 'getQueryResults',
      projectId: table.projectId,
      jobId,
      options: { pageToken: page.pageToken, maxResults: options.pageSize, ...(page.location ? { location: page.location } : {}) },
    }) as QueryResponse;
    const next = parseQueryPage(response);
    if (!next.complete) throw new BigQueryShapeError(say.pageNotComplete(jobId));
    rows.push(...next.records.map(fromBigQueryRow));
    page = next;
  }
  if (page.totalRows !== null && page.totalRows !== rows.length) {
    throw new BigQueryShapeError(say.rowCountMismatch(page.totalRows, rows.length));
  }
  return rows;
}

type CompletePage = Extract<ReturnType<typeof parseQueryPage>, { complete: true }>;

/** jobs.query, then getQueryResults polls while the job is not complete. */
function* completedQuery(projectId: string, body: QueryBody, options: BigQuerySinkOptions): Plan<CompletePage> {
  let page = parseQueryPage((yield { method: 'query', projectId, body }) as QueryResponse);
  const maxPolls = options.maxPolls ?? DEFAULT_POLLS;
  for (let polls = 0; !page.complete; polls += 1) {
    const jobId = requireJobId(page.jobId);
    if (polls >= maxPolls) throw new BigQueryNotReadyError(jobId, polls);
    const response = (yield {
      method: 'getQueryResults',
      projectId,
      jobId,
      options: { timeoutMs: POLL_TIMEOUT_MS, maxResults: body.maxResults, ...(page.location ? { location: page.location } : {}) },
    }) as QueryResponse;
    page = parseQueryPage(response);
  }
  return page;
}

function requireJobId(jobId: string | null): string {
  if (jobId === null) throw new BigQueryShapeError(say.NO_JOB_ID);
  return jobId;
}

/** BigQuery's refusal of DML over just-streamed rows ("… would affect rows in the streaming buffer …"). */
function isStreamingBufferRefusal(error: unknown): boolean {
  return error instanceof Error && /streaming buffer/i.test(error.message);
}

/** BigQuery's reason is a code ("invalid", "stopped"); anything else it sends is not shown. */
function codeOrDefault(reason: string | undefined, fallback: string): string {
  return reason !== undefined && /^[A-Za-z]{1,40}$/.test(reason) ? reason : fallback;
}

/** The column a row error names, when it is a plain column name (the message itself is BigQuery's text, never shown). */
function fieldName(location: string | undefined): string | null {
  return location !== undefined && /^[A-Za-z_][A-Za-z0-9_.]{0,127}$/.test(location) ? location : null;
}

function insertError(body: InsertAllBody, response: InsertAllResponse, offset: number, total: number, table: BigQueryTable): BigQueryInsertError {
  const rowErrors = (response.insertErrors ?? []).flatMap((entry) => {
    const rowKey = entry.index !== undefined ? (body.rows[entry.index]?.insertId ?? `#${entry.index}`) : say.UNKNOWN_ROW;
    return (entry.errors ?? []).map((error) => ({ rowKey, reason: codeOrDefault(error.reason, 'invalid'), field: fieldName(error.location) }));
  });
  // With skipInvalidRows: false, valid rows of a refused request come back as reason "stopped".
  const causes = rowErrors.filter((error) => error.reason !== 'stopped');
  const shown = (causes.length > 0 ? causes : rowErrors).slice(0, 3).map((error) => say.refusedRow(error.rowKey, error.reason, error.field));
  const refused = say.rowsRefused(shown, Math.max(0, causes.length - 3), body.rows.length, total, offset);
  // A table created before v3's ids: it lacks the `_key` columns, or still requires the INT64 ids.
  const idColumnRefused = causes.some((error) => error.field !== null && V3_ID_FIELDS.has(error.field));
  const message = idColumnRefused && body.rows.some((row) => hasV3Id(row.json)) ? `${refused} ${say.tableBeforeV3Ids(upgradeHistoryTableDdl(table))}` : refused;
  return new BigQueryInsertError(message, rowErrors);
}

/** The columns a v3 row fills or leaves empty that a table made for v1 lacks or requires. */
const V3_ID_FIELDS: ReadonlySet<string> = new Set(['student_key', 'product_key', 'student_id', 'product_id']);

function hasV3Id(record: BigQueryHistoryRecord): boolean {
  return record.student_key !== undefined || record.product_key !== undefined;
}

function perform(client: BigQueryClient, call: BigQueryCall): InsertAllResponse | QueryResponse {
  switch (call.method) {
    case 'insertAll':
      return client.insertAll(call.table, call.body);
    case 'query':
      return client.query(call.projectId, call.body);
    case 'getQueryResults':
      return client.getQueryResults(call.projectId, call.jobId, call.options);
  }
}

function performAsync(client: AsyncBigQueryClient, call: BigQueryCall): Promise<InsertAllResponse | QueryResponse> {
  switch (call.method) {
    case 'insertAll':
      return client.insertAll(call.table, call.body);
    case 'query':
      return client.query(call.projectId, call.body);
    case 'getQueryResults':
      return client.getQueryResults(call.projectId, call.jobId, call.options);
  }
}

function drive<T>(plan: Plan<T>, client: BigQueryClient): T {
  let step = plan.next();
  while (!step.done) {
    let answer: InsertAllResponse | QueryResponse;
    try {
      answer = perform(client, step.value);
    } catch (error) {
      step = plan.throw(error);
      continue;
    }
    step = plan.next(answer);
  }
  return step.value;
}

async function driveAsync<T>(plan: Plan<T>, client: AsyncBigQueryClient): Promise<T> {
  let step = plan.next();
  while (!step.done) {
    let answer: InsertAllResponse | QueryResponse;
    try {
      answer = await performAsync(client, step.value);
    } catch (error) {
      step = plan.throw(error);
      continue;
    }
    step = plan.next(answer);
  }
  return step.value;
}
