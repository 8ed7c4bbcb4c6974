// BigQuery's v2 REST API on 127.0.0.1 over the FakeBigQuery, so the real @google-cloud/bigquery client
// (pointed at it with `apiEndpoint`) is what the Node adapter's contract runs through, not a stand-in.
//
// What the real service does that the client depends on, and is modelled here: jobs.insert takes the
// job id the client chose (https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert);
// jobs.getQueryResults writes TIMESTAMPs as int64 microseconds when `formatOptions.useInt64Timestamp`
// is true and as float seconds otherwise
// (https://cloud.google.com/bigquery/docs/reference/rest/v2/DataFormatOptions); a failure is an HTTP
// error with Google's error body (https://cloud.google.com/bigquery/docs/error-messages).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InsertAllBody, QueryBody, QueryParameter, QueryResponse } from '../../src/core/bigquery/requests';
import type { FakeBigQuery } from '../core/bigquery/fake-bigquery';

export interface BigQueryRestServer {
  /** For `new BigQuery({ apiEndpoint })`. */
  readonly endpoint: string;
  /** Every request, as `METHOD path?query` (for counting calls). */
  readonly requests: string[];
  close(): Promise<void>;
}

/** The parts of a jobs.insert body this server reads. */
interface JobInsert {
  jobReference?: { jobId?: string };
  configuration?: { query?: { query: string; useLegacySql?: boolean; parameterMode?: string; queryParameters?: QueryParameter[] } };
}

function httpStatusOf(message: string): number {
  return /Not found/.test(message) ? 404 : 400;
}

/** The fake answers with its own job ids; the client knows the job by the id it chose. */
function renamedJob(response: QueryResponse, jobId: string): QueryResponse {
  return { ...response, jobReference: { ...response.jobReference, jobId } } as QueryResponse;
}

/** TIMESTAMP cells from float seconds ("1.7893764E9") to int64 microseconds, as `useInt64Timestamp` asks. */
function int64Timestamps(response: QueryResponse): QueryResponse {
  const fields = (response.schema?.fields ?? []) as { type?: string }[];
  if (!response.rows || !fields.some((field) => field.type === 'TIMESTAMP')) return response;
  const rows = (response.rows as { f: { v: string | null }[] }[]).map((row) => ({
    f: row.f.map((cell, index) => (fields[index]?.type === 'TIMESTAMP' && cell.v !== null ? { v: String(BigInt(Math.round(Number(cell.v) * 1e6))) } : cell)),
  }));
  return { ...response, rows } as QueryResponse;
}

export async function startBigQueryRestServer(fake: FakeBigQuery): Promise<BigQueryRestServer> {
  /** Client job id → what jobs.insert started in the fake (its id, or a DML statement's whole answer). */
  const jobs = new Map<string, { fakeJobId: string; answer: QueryResponse; stored: boolean }>();
  const requests: string[] = [];

  function route(method: string, url: URL, body: unknown): unknown {
    const path = url.pathname.replace(/^\/bigquery\/v2/, '');
    const insertAll = /^\/projects\/([^/]+)\/datasets\/([^/]+)\/tables\/([^/]+)\/insertAll$/.exec(path);
    if (method === 'POST' && insertAll) {
      const [, projectId, datasetId, tableId] = insertAll.map(decodeURIComponent);
      return fake.insertAll({ projectId, datasetId, tableId }, body as InsertAllBody);
    }
    const insertJob = /^\/projects\/([^/]+)\/jobs$/.exec(path);
    if (method === 'POST' && insertJob) {
      const projectId = decodeURIComponent(insertJob[1]);
      const job = body as JobInsert;
      const query = job.configuration?.query;
      const jobId = job.jobReference?.jobId;
      if (!query || !jobId) throw new Error('API call to bigquery.jobs.insert failed with error: Required parameter is missing');
      const queryBody = {
        query: query.query,
        useLegacySql: query.useLegacySql ?? true,
        parameterMode: String(query.parameterMode ?? '').toUpperCase(),
        queryParameters: query.queryParameters ?? [],
        timeoutMs: 0,
      } as unknown as QueryBody;
      const answer = fake.query(projectId, queryBody);
      const fakeJobId = answer.jobReference?.jobId ?? '';
      // A DML statement's answer is complete at once; a SELECT's pages are the fake's job.
      jobs.set(jobId, { fakeJobId, answer, stored: answer.numDmlAffectedRows === undefined });
      return { kind: 'bigquery#job', jobReference: { projectId, jobId, location: answer.jobReference?.location ?? 'US' }, status: { state: 'RUNNING' } };
    }
    const results = /^\/projects\/([^/]+)\/queries\/([^/]+)$/.exec(path);
    if (method === 'GET' && results) {
      const [, projectId, jobId] = results.map(decodeURIComponent);
      const job = jobs.get(jobId);
      if (!job) throw new Error(`API call to bigquery.jobs.getQueryResults failed with error: Not found: Job ${projectId}:US.${jobId}`);
      const maxResults = url.searchParams.get('maxResults');
      const pageToken = url.searchParams.get('pageToken');
      const answer = job.stored
        ? fake.getQueryResults(projectId, job.fakeJobId, {
            ...(maxResults !== null ? { maxResults: Number(maxResults) } : {}),
            ...(pageToken !== null ? { pageToken } : {}),
          })
        : job.answer;
      const renamed = renamedJob(answer, jobId);
      return url.searchParams.get('formatOptions.useInt64Timestamp') === 'true' ? int64Timestamps(renamed) : renamed;
    }
    throw new Error(`API call to bigquery failed with error: Not found: ${method} ${path}`);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      const text = Buffer.concat(chunks).toString('utf8');
      let status = 200;
      let answer: unknown;
      try {
        answer = route(request.method ?? 'GET', url, text === '' ? undefined : JSON.parse(text));
      } catch (error) {
        const message = (error as Error).message.replace(/^API call to bigquery\.[\w.]+ failed with error: /, '');
        status = httpStatusOf(message);
        answer = { error: { code: status, message, errors: [{ reason: status === 404 ? 'notFound' : 'invalidQuery', message }] } };
      }
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
