// A stateful in-memory BigQuery for the calls the history sink makes: insertAll, jobs.query, getQueryResults.
//
// It behaves as the documented service does: insertAll validates each row against the table schema
// (unknown field, missing required field, wrong type → insertErrors, the other rows "stopped", nothing
// stored), de-duplicates by insertId for a minute, answers SELECT/COUNT/DELETE with the f/v encoding,
// legacy type names and TIMESTAMPs as epoch seconds ("1.7893764E9"), pages by pageToken, and refuses
// DML over rows streamed in the last 30 minutes. Failures throw as the Advanced Service does.

import type { BigQueryClient, GetQueryResultsOptions } from '../../../src/core/bigquery/history-sink';
import type { BigQueryField } from '../../../src/core/bigquery/history-table';
import type { BigQueryTable, InsertAllBody, InsertAllResponse, QueryBody, QueryResponse } from '../../../src/core/bigquery/requests';

const DEDUP_WINDOW_MS = 60_000;
const STREAMING_BUFFER_MS = 30 * 60_000;
const LEGACY_TYPE: Record<string, string> = { INT64: 'INTEGER', FLOAT64: 'FLOAT', STRING: 'STRING', DATE: 'DATE', TIMESTAMP: 'TIMESTAMP' };

interface StoredRow {
  readonly json: Record<string, unknown>;
  readonly streamedAt: number;
}

interface FakeTable {
  readonly fields: readonly BigQueryField[];
  rows: StoredRow[];
  readonly insertIds: Map<string, number>;
}

interface FakeJob {
  readonly schema: { fields: { name: string; type: string; mode: string }[] };
  readonly rows: { f: { v: string | null }[] }[];
  pendingPolls: number;
}

function apiError(method: string, message: string): Error {
  return new Error(`API call to bigquery.${method} failed with error: ${message}`);
}

/** Java's Double.toString, as BigQuery writes FLOAT and TIMESTAMP values. */
export function javaDouble(value: number): string {
  const magnitude = Math.abs(value);
  if (value === 0) return '0.0';
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

export class FakeBigQuery implements BigQueryClient {
  now = Date.UTC(2026, 2, 30, 12);
  /** Rows per page when a query sets no maxResults. */
  defaultPageSize = 100_000;
  /** jobs.query / getQueryResults answer `jobComplete: false` this many times for each new job. */
  pendingPollsPerJob = 0;
  readonly calls = { insertAll: 0, query: 0, getQueryResults: 0 };
  private readonly tables = new Map<string, FakeTable>();
  private readonly jobs = new Map<string, FakeJob>();
  private nextJob = 1;

  createTable(table: BigQueryTable, fields: readonly BigQueryField[]): void {
    this.tables.set(`${table.projectId}.${table.datasetId}.${table.tableId}`, { fields, rows: [], insertIds: new Map() });
  }

  /**
   * An in-place schema change, as a school's ALTER TABLE makes it: the rows stay, and the new fields
   * must be the old ones (relaxed at most) with NULLABLE ones added at the end
   * (https://cloud.google.com/bigquery/docs/managing-table-schemas).
   */
  alterTable(target: BigQueryTable, fields: readonly BigQueryField[]): void {
    const name = `${target.projectId}.${target.datasetId}.${target.tableId}`;
    const table = this.table(name, 'tables.patch');
    table.fields.forEach((field, index) => {
      const next = fields[index];
      if (next?.name !== field.name || next.type !== field.type || (next.mode === 'REQUIRED' && field.mode !== 'REQUIRED')) {
        throw apiError('tables.patch', `Provided Schema does not match Table ${name}. Field ${field.name} has changed.`);
      }
    });
    if (fields.slice(table.fields.length).some((field) => field.mode === 'REQUIRED'))
      throw apiError('tables.patch', 'Cannot add required fields to an existing schema.');
    this.tables.set(name, { ...table, fields });
  }

  advance(ms: number): void {
    this.now += ms;
  }

  /** The stored rows' JSON, for assertions. */
  storedRows(table: BigQueryTable): Record<string, unknown>[] {
    return this.table(`${table.projectId}.${table.datasetId}.${table.tableId}`, 'tabledata.list').rows.map((row) => row.json);
  }

  insertAll(target: BigQueryTable, body: InsertAllBody): InsertAllResponse {
    this.calls.insertAll += 1;
    const table = this.table(`${target.projectId}.${target.datasetId}.${target.tableId}`, 'tabledata.insertAll');
    if (!Array.isArray(body.rows) || body.rows.length === 0) throw apiError('tabledata.insertAll', 'No rows present in the request.');
    const problems = body.rows.map((row) => this.rowProblem(table.fields, row.json as unknown as Record<string, unknown>, body.ignoreUnknownValues));
    if (problems.some((problem) => problem !== null)) {
      const insertErrors = problems.map((problem, index) => ({
        index,
        errors: [problem ?? { reason: 'stopped', location: '', message: '' }],
      }));
      if (!body.skipInvalidRows) return { kind: 'bigquery#tableDataInsertAllResponse', insertErrors };
    }
    for (const row of body.rows) {
      const seen = table.insertIds.get(row.insertId);
      if (seen !== undefined && this.now - seen < DEDUP_WINDOW_MS) continue;
      table.insertIds.set(row.insertId, this.now);
      table.rows.push({ json: { ...(row.json as unknown as Record<string, unknown>) }, streamedAt: this.now });
    }
    return { kind: 'bigquery#tableDataInsertAllResponse' };
  }

  query(projectId: string, body: QueryBody): QueryResponse {
    this.calls.query += 1;
    if (body.useLegacySql !== false) throw apiError('jobs.query', 'Query parameters cannot be used in legacy SQL queries.');
    if (body.parameterMode !== 'NAMED') throw apiError('jobs.query', 'parameterMode must be NAMED for @-parameters.');
    const select = /^SELECT (.+) FROM `([^`]+)` WHERE week >= @since ORDER BY week, cohort, row_key$/.exec(body.query);
    const count = /^SELECT COUNT\(\*\) AS row_count FROM `([^`]+)` WHERE week = @week$/.exec(body.query);
    const remove = /^DELETE FROM `([^`]+)` WHERE week = @week$/.exec(body.query);
    if (select) {
      const table = this.table(select[2], 'jobs.query');
      const since = this.dateParameter(body, 'since');
      // `*` is every column of the table as it is now (one created before a column lacks it).
      const columns = select[1] === '*' ? table.fields.map((field) => field.name) : select[1].split(', ');
      const fields = columns.map((name) => {
        const field = table.fields.find((candidate) => candidate.name === name);
        if (!field) throw apiError('jobs.query', `Unrecognized name: ${name} at [1:8]`);
        return field;
      });
      const rows = table.rows
        .map((row) => row.json)
        .filter((json) => String(json.week) >= since)
        .sort((a, b) => compare(a.week, b.week) || compare(a.cohort, b.cohort) || compare(a.row_key, b.row_key))
        .map((json) => ({ f: fields.map((field) => ({ v: encodeValue(field, json[field.name]) })) }));
      return this.startJob(
        projectId,
        { fields: fields.map((field) => ({ name: field.name, type: LEGACY_TYPE[field.type], mode: field.mode })) },
        rows,
        body.maxResults,
      );
    }
    if (count) {
      const table = this.table(count[1], 'jobs.query');
      const week = this.dateParameter(body, 'week');
      const n = table.rows.filter((row) => row.json.week === week).length;
      return this.startJob(projectId, { fields: [{ name: 'row_count', type: 'INTEGER', mode: 'NULLABLE' }] }, [{ f: [{ v: String(n) }] }], body.maxResults);
    }
    if (remove) {
      const table = this.table(remove[1], 'jobs.query');
      const week = this.dateParameter(body, 'week');
      const doomed = table.rows.filter((row) => row.json.week === week);
      if (doomed.some((row) => this.now - row.streamedAt < STREAMING_BUFFER_MS)) {
        throw apiError('jobs.query', `UPDATE or DELETE statement over table ${remove[1]} would affect rows in the streaming buffer, which is not supported`);
      }
      table.rows = table.rows.filter((row) => row.json.week !== week);
      return {
        kind: 'bigquery#queryResponse',
        jobComplete: true,
        jobReference: { projectId, jobId: `job_${this.nextJob++}`, location: 'US' },
        numDmlAffectedRows: String(doomed.length),
        totalRows: '0',
      } as QueryResponse;
    }
    throw apiError('jobs.query', `Syntax error: the fake does not understand ${JSON.stringify(body.query.slice(0, 60))}`);
  }

  getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): QueryResponse {
    this.calls.getQueryResults += 1;
    const job = this.jobs.get(jobId);
    if (!job) throw apiError('jobs.getQueryResults', `Not found: Job ${projectId}:US.${jobId}`);
    let offset = 0;
    if (options.pageToken !== undefined) {
      const match = /^page:(\d+)$/.exec(options.pageToken);
      if (!match) throw apiError('jobs.getQueryResults', 'Invalid page token.');
      offset = Number(match[1]);
    }
    return this.page(projectId, jobId, job, offset, options.maxResults);
  }

  private startJob(projectId: string, schema: FakeJob['schema'], rows: FakeJob['rows'], maxResults: number | undefined): QueryResponse {
    const jobId = `job_${this.nextJob++}`;
    const job: FakeJob = { schema, rows, pendingPolls: this.pendingPollsPerJob };
    this.jobs.set(jobId, job);
    return this.page(projectId, jobId, job, 0, maxResults);
  }

  private page(projectId: string, jobId: string, job: FakeJob, offset: number, maxResults: number | undefined): QueryResponse {
    const jobReference = { projectId, jobId, location: 'US' };
    if (job.pendingPolls > 0) {
      job.pendingPolls -= 1;
      return { jobComplete: false, jobReference } as QueryResponse;
    }
    const size = maxResults ?? this.defaultPageSize;
    const slice = job.rows.slice(offset, offset + size);
    const more = offset + size < job.rows.length;
    return {
      jobComplete: true,
      jobReference,
      schema: job.schema,
      totalRows: String(job.rows.length),
      ...(slice.length > 0 ? { rows: slice } : {}),
      ...(more ? { pageToken: `page:${offset + size}` } : {}),
    } as QueryResponse;
  }

  private table(reference: string, method: string): FakeTable {
    const table = this.tables.get(reference);
    if (!table) throw apiError(method, `Not found: Table ${reference.replace('.', ':')}`);
    return table;
  }

  private dateParameter(body: QueryBody, name: string): string {
    const parameter = body.queryParameters.find((candidate) => candidate.name === name);
    if (!parameter) throw apiError('jobs.query', `Query parameter '${name}' not found at [1:1]`);
    if (parameter.parameterType.type !== 'DATE')
      throw apiError('jobs.query', `No matching signature for operator for argument types: DATE, ${parameter.parameterType.type}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(parameter.parameterValue.value)) throw apiError('jobs.query', `Invalid DATE literal: ${parameter.parameterValue.value}`);
    return parameter.parameterValue.value;
  }

  private rowProblem(
    fields: readonly BigQueryField[],
    json: Record<string, unknown>,
    ignoreUnknown: boolean,
  ): { reason: string; location: string; message: string } | null {
    if (!ignoreUnknown) {
      const unknown = Object.keys(json).find((name) => !fields.some((field) => field.name === name));
      if (unknown) return { reason: 'invalid', location: unknown, message: `no such field: ${unknown}.` };
    }
    for (const field of fields) {
      const value = json[field.name];
      if (value === null || value === undefined) {
        if (field.mode === 'REQUIRED') return { reason: 'invalid', location: field.name, message: `Missing required field: ${field.name}.` };
        continue;
      }
      if (!valueFits(field.type, value)) {
        return {
          reason: 'invalid',
          location: field.name,
          message: `Cannot convert value to ${LEGACY_TYPE[field.type].toLowerCase()}: ${JSON.stringify(value)} (field ${field.name})`,
        };
      }
    }
    return null;
  }
}

function compare(a: unknown, b: unknown): number {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function valueFits(type: BigQueryField['type'], value: unknown): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'INT64':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));
    case 'FLOAT64':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
    case 'DATE':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    case 'TIMESTAMP':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
  }
}

function encodeValue(field: BigQueryField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'STRING':
    case 'DATE':
      return String(value);
    case 'INT64':
      return String(Number(value));
    case 'FLOAT64':
      return javaDouble(Number(value));
    case 'TIMESTAMP': {
      const ms = typeof value === 'number' ? value * 1000 : Date.parse(String(value));
      return javaDouble(ms / 1000);
    }
  }
}
