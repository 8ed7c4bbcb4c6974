// The Node host's BigQuery access through Google's official client (@google-cloud/bigquery):
// the sink's REST-shaped calls mapped onto the client's insert / createQueryJob / getQueryResults.

import type { AsyncBigQueryClient, GetQueryResultsOptions } from '../core/bigquery/history-sink';
import type { BigQueryTable, InsertAllBody, InsertAllResponse, QueryBody, QueryParameter, QueryResponse } from '../core/bigquery/requests';

/**
 * The part of `new BigQuery()` (from @google-cloud/bigquery) this adapter uses. The contract
 * (tests/contracts/official-bigquery-client.test.ts) runs the real class through it, against
 * BigQuery's REST API served on 127.0.0.1.
 */
export interface OfficialBigQuery {
  dataset(
    id: string,
    options?: { projectId?: string },
  ): {
    table(id: string): {
      insert(rows: unknown, options: { raw: true; skipInvalidRows: false; ignoreUnknownValues: false; partialRetries: 0 }): Promise<unknown>;
    };
  };
  createQueryJob(options: { query: string; useLegacySql: false; parameterMode: 'NAMED'; queryParameters: QueryParameter[] }): Promise<unknown[]>;
  job(
    id: string,
    options?: { projectId?: string; location?: string },
  ): {
    getQueryResults(options: ResultsOptions): Promise<unknown[]>;
  };
}

/**
 * How every page is asked for, so the answer is the REST response the sink reads (as the Advanced
 * Service gives it): `skipParsing` keeps its `rows` (the client would move them out, parsed, and
 * delete them); TIMESTAMPs as float seconds, not the client's default int64 microseconds; no
 * `timeoutMs`, since with one the client turns a job still running into an error instead of
 * answering `jobComplete: false` (the service then waits its default 10 s, the sink's poll).
 */
interface ResultsOptions {
  autoPaginate: false;
  skipParsing: true;
  'formatOptions.useInt64Timestamp': false;
  maxResults?: number;
  pageToken?: string;
}

type OfficialJob = ReturnType<OfficialBigQuery['job']>;

interface PartialFailure {
  readonly name: string;
  readonly errors?: readonly { row: unknown; errors: readonly { reason?: string; message?: string; location?: string }[] }[];
}

/** The raw REST response the official client passes as the last element of its answer. */
function rawResponse(answer: readonly unknown[]): QueryResponse {
  return answer[answer.length - 1] as QueryResponse;
}

export class OfficialBigQueryClient implements AsyncBigQueryClient {
  constructor(private readonly bigquery: OfficialBigQuery) {}

  async insertAll(table: BigQueryTable, body: InsertAllBody): Promise<InsertAllResponse> {
    try {
      await this.bigquery
        .dataset(table.datasetId, { projectId: table.projectId })
        .table(table.tableId)
        // No partial retries: with skipInvalidRows false a refused request stores nothing, and sending it
        // again (the client's default, 3 times) is refused the same way.
        .insert(body.rows, { raw: true, skipInvalidRows: false, ignoreUnknownValues: false, partialRetries: 0 });
      return {};
    } catch (error) {
      // The client reports per-row failures as a PartialFailureError; the sink expects insertErrors.
      const failure = error as PartialFailure;
      if (failure?.name !== 'PartialFailureError' || !failure.errors) throw error;
      return {
        insertErrors: failure.errors.map((entry) => ({
          index: body.rows.indexOf(entry.row as (typeof body.rows)[number]),
          errors: entry.errors.map((item) => ({ reason: item.reason ?? 'invalid', message: item.message ?? '', location: item.location ?? '' })),
        })),
      };
    }
  }

  /**
   * jobs.insert, then the first page. The parameters go as the REST shapes they already are: given as
   * `params` and `types`, the client drops the value of a DATE given as text. The job runs in the
   * client's own project (`new BigQuery({ projectId })`: the table's).
   */
  async query(_projectId: string, body: QueryBody): Promise<QueryResponse> {
    const [job] = (await this.bigquery.createQueryJob({
      query: body.query,
      useLegacySql: false,
      parameterMode: 'NAMED',
      queryParameters: [...body.queryParameters],
    })) as [OfficialJob];
    return rawResponse(await job.getQueryResults(resultsOptions(body.maxResults)));
  }

  async getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): Promise<QueryResponse> {
    const job = this.bigquery.job(jobId, { projectId, location: options.location });
    return rawResponse(await job.getQueryResults(resultsOptions(options.maxResults, options.pageToken)));
  }
}

function resultsOptions(maxResults: number | undefined, pageToken?: string): ResultsOptions {
  return {
    autoPaginate: false,
    skipParsing: true,
    'formatOptions.useInt64Timestamp': false,
    ...(maxResults !== undefined ? { maxResults } : {}),
    ...(pageToken !== undefined ? { pageToken } : {}),
  };
}
