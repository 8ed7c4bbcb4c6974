// BigQuery REST bodies as plain data (tabledata.insertAll, jobs.query) and the reader of query answers.
//
// Re-running a week must not duplicate it. insertAll's `insertId` (= row_key) only de-duplicates
// best-effort, for about a minute: it covers a retried request, not a week re-sent later. So a week
// already in the table is first removed with deleteWeekQuery's DML DELETE, then inserted again.
// BigQuery refuses DML on rows streamed by insertAll during the last ~30 minutes (the streaming
// buffer): the writer then inserts nothing and says to retry later (BigQueryStreamingBufferError).
// A load job or MERGE from a staging table would avoid the wait; both are out of scope here.

import type { HistoryRow } from '../history/schema';
import * as say from '../messages/bigquery';
import type { BigQueryTable } from '../model/settings';
import type { LocalDate } from '../time/local-date';
import { type BigQueryHistoryRecord, BigQueryShapeError, fromBigQueryRow, rowKeyOf, toBigQueryRow } from './history-table';

/** Where the history lives (the setting's value, parsed once). */
export type { BigQueryTable } from '../model/settings';

export interface InsertAllBody {
  readonly kind: 'bigquery#tableDataInsertAllRequest';
  readonly skipInvalidRows: false;
  readonly ignoreUnknownValues: false;
  readonly rows: readonly { readonly insertId: string; readonly json: BigQueryHistoryRecord }[];
}

export interface InsertAllResponse {
  readonly kind?: string;
  readonly insertErrors?: readonly {
    readonly index?: number;
    readonly errors?: readonly { readonly reason?: string; readonly message?: string; readonly location?: string }[];
  }[];
}

export interface QueryParameter {
  readonly name: string;
  readonly parameterType: { readonly type: 'DATE' | 'STRING' | 'INT64' };
  readonly parameterValue: { readonly value: string };
}

export interface QueryBody {
  readonly query: string;
  readonly useLegacySql: false;
  readonly parameterMode: 'NAMED';
  readonly queryParameters: readonly QueryParameter[];
  /** Rows per page; the rest come from jobs.getQueryResults with the pageToken. */
  readonly maxResults?: number;
  /** How long jobs.query waits for the job before answering `jobComplete: false`. */
  readonly timeoutMs?: number;
}

export interface JobReference {
  readonly projectId?: string;
  readonly jobId?: string;
  readonly location?: string;
}

/** jobs.query and jobs.getQueryResults answers (the fields this module reads). */
export interface QueryResponse {
  readonly jobComplete?: boolean;
  readonly jobReference?: JobReference;
  readonly schema?: { readonly fields?: readonly { readonly name?: string; readonly type?: string }[] };
  readonly rows?: readonly { readonly f?: readonly { readonly v?: unknown }[] }[];
  readonly pageToken?: string;
  readonly totalRows?: string;
  readonly numDmlAffectedRows?: string;
  readonly errors?: readonly { readonly reason?: string; readonly message?: string }[];
}

/** A setting that cannot name a BigQuery table (also what keeps identifiers out of SQL injection). */
export class BigQueryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BigQueryConfigError';
  }
}

const PROJECT_ID = /^([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;
const TABLE_ID = /^[A-Za-z0-9_]{1,1024}$/;

/** Checks the three names and returns the backquoted `project.dataset.table` for SQL. */
export function tableReference(table: BigQueryTable): string {
  if (!PROJECT_ID.test(table.projectId)) {
    throw new BigQueryConfigError(say.badProjectId(table.projectId));
  }
  if (!DATASET_ID.test(table.datasetId)) {
    throw new BigQueryConfigError(say.badDatasetId(table.datasetId));
  }
  if (!TABLE_ID.test(table.tableId)) {
    throw new BigQueryConfigError(say.badTableId(table.tableId));
  }
  return `\`${table.projectId}.${table.datasetId}.${table.tableId}\``;
}

/** The body of tabledata.insertAll for these rows; insertId = row_key. */
export function insertAllRequest(rows: readonly HistoryRow[]): InsertAllBody {
  return {
    kind: 'bigquery#tableDataInsertAllRequest',
    skipInvalidRows: false,
    ignoreUnknownValues: false,
    rows: rows.map((row) => ({ insertId: rowKeyOf(row), json: toBigQueryRow(row) })),
  };
}

function dateParameter(name: string, value: LocalDate): QueryParameter {
  return { name, parameterType: { type: 'DATE' }, parameterValue: { value } };
}

function standardSql(query: string, parameters: QueryParameter[], extra: { maxResults?: number; timeoutMs?: number } = {}): QueryBody {
  return { query, useLegacySql: false, parameterMode: 'NAMED', queryParameters: parameters, ...extra };
}

/** jobs.query body reading every row from `sinceWeek` on, in a stable order. */
export function historyQueryRequest(table: BigQueryTable, sinceWeek: LocalDate, options: { maxResults?: number; timeoutMs?: number } = {}): QueryBody {
  return standardSql(
    // Every column, by name (decodeQueryPage reads the answer's schema): a table created before the
    // v3 `_key` columns still answers, and row_key orders v1 and v3 ids alike.
    `SELECT * FROM ${tableReference(table)} WHERE week >= @since ORDER BY week, cohort, row_key`,
    [dateParameter('since', sinceWeek)],
    { timeoutMs: 10_000, ...options },
  );
}

/** jobs.query body counting the rows of one week (a SELECT: allowed while rows are in the streaming buffer). */
export function countWeekQuery(table: BigQueryTable, week: LocalDate): QueryBody {
  return standardSql(`SELECT COUNT(*) AS row_count FROM ${tableReference(table)} WHERE week = @week`, [dateParameter('week', week)], { timeoutMs: 10_000 });
}

/** jobs.query body of the DML that removes a week before it is inserted again. */
export function deleteWeekQuery(table: BigQueryTable, week: LocalDate): QueryBody {
  return standardSql(`DELETE FROM ${tableReference(table)} WHERE week = @week`, [dateParameter('week', week)], { timeoutMs: 30_000 });
}

/** An answer of jobs.query / jobs.getQueryResults: still running, or one page of values. */
export type QueryPage =
  | { readonly complete: false; readonly jobId: string | null; readonly location: string | null }
  | {
      readonly complete: true;
      readonly jobId: string | null;
      readonly location: string | null;
      /** One record per row: column name → the value BigQuery sent (a string, or null). */
      readonly records: Record<string, unknown>[];
      readonly pageToken: string | null;
      readonly totalRows: number | null;
      readonly dmlAffectedRows: number | null;
    };

/** Decodes the `{schema: {fields}, rows: [{f: [{v}]}]}` encoding; any page of any query. */
export function parseQueryPage(response: QueryResponse): QueryPage {
  const jobId = response.jobReference?.jobId ?? null;
  const location = response.jobReference?.location ?? null;
  if (response.errors && response.errors.length > 0) {
    const reason = response.errors[0]?.reason;
    throw new BigQueryShapeError(say.queryFailed(reason !== undefined && /^[A-Za-z]{1,40}$/.test(reason) ? reason : undefined));
  }
  if (response.jobComplete === false) return { complete: false, jobId, location };
  const rows = response.rows ?? [];
  const fields = response.schema?.fields;
  if (rows.length > 0 && !fields) throw new BigQueryShapeError(say.ROWS_WITHOUT_SCHEMA);
  const names = (fields ?? []).map((field, index) => field.name ?? `f${index}`);
  const records = rows.map((row, rowIndex) => {
    const cells = row.f;
    if (!Array.isArray(cells) || cells.length !== names.length) {
      throw new BigQueryShapeError(say.rowWidthMismatch(rowIndex + 1, cells?.length ?? 0, names.length));
    }
    const record: Record<string, unknown> = {};
    names.forEach((name, index) => {
      record[name] = cells[index]?.v ?? null;
    });
    return record;
  });
  const count = (text: string | undefined): number | null => (text === undefined ? null : Number(text));
  return {
    complete: true,
    jobId,
    location,
    records,
    pageToken: response.pageToken ?? null,
    totalRows: count(response.totalRows),
    dmlAffectedRows: count(response.numDmlAffectedRows),
  };
}

/** A page of the history query as HistoryRows; `ready: false` while the job is still running. */
export type HistoryPage =
  | { readonly ready: false; readonly jobId: string | null; readonly location: string | null }
  | {
      readonly ready: true;
      readonly jobId: string | null;
      readonly location: string | null;
      readonly rows: HistoryRow[];
      readonly pageToken: string | null;
      readonly totalRows: number | null;
    };

/** Reads one page of historyQueryRequest's answer (values as f/v, TIMESTAMPs as epoch seconds, nulls). */
export function parseQueryResponse(response: QueryResponse): HistoryPage {
  const page = parseQueryPage(response);
  if (!page.complete) return { ready: false, jobId: page.jobId, location: page.location };
  return {
    ready: true,
    jobId: page.jobId,
    location: page.location,
    rows: page.records.map(fromBigQueryRow),
    pageToken: page.pageToken,
    totalRows: page.totalRows,
  };
}
