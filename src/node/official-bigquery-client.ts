// The Node host's BigQuery access through Google's official client (@google-cloud/bigquery):
// the sink's REST-shaped calls mapped onto the client's insert / createQueryJob / getQueryResults.

import type { AsyncBigQueryClient, GetQueryResultsOptions } from '../core/bigquery/history-sink';
import type { BigQueryTable, InsertAllBody, InsertAllResponse, QueryBody, QueryResponse } from '../core/bigquery/requests';

/**
 * The part of `new BigQuery()` (from @google-cloud/bigquery) this adapter uses. Declared here so a
 * test can stand in for it; `tests/node/official-bigquery-client.test.ts` checks that the real
 * class satisfies it.
 */
export interface OfficialBigQuery {
  dataset(
    id: string,
    options?: { projectId?: string },
  ): {
    table(id: string): { insert(rows: unknown, options: { raw: true; skipInvalidRows: false; ignoreUnknownValues: false }): Promise<unknown> };
  };
  createQueryJob(options: {
    query: string;
    params: Record<string, unknown>;
    types: Record<string, string>;
    useLegacySql: false;
    projectId?: string;
  }): Promise<unknown[]>;
  job(
    id: string,
    options?: { projectId?: string; location?: string },
  ): {
    getQueryResults(options: { autoPaginate: false; maxResults?: number; pageToken?: string; timeoutMs?: number }): Promise<unknown[]>;
  };
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
        .insert(body.rows, { raw: true, skipInvalidRows: false, ignoreUnknownValues: false });
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

  async query(projectId: string, body: QueryBody): Promise<QueryResponse> {
    const params: Record<string, unknown> = {};
    const types: Record<string, string> = {};
    for (const parameter of body.queryParameters) {
      params[parameter.name] = parameter.parameterValue.value;
      types[parameter.name] = parameter.parameterType.type;
    }
    const [job] = (await this.bigquery.createQueryJob({ query: body.query, params, types, useLegacySql: false, projectId })) as [OfficialJob];
    return rawResponse(await job.getQueryResults({ autoPaginate: false, maxResults: body.maxResults, timeoutMs: body.timeoutMs }));
  }

  async getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): Promise<QueryResponse> {
    const job = this.bigquery.job(jobId, { projectId, location: options.location });
    return rawResponse(
      await job.getQueryResults({ autoPaginate: false, maxResults: options.maxResults, pageToken: options.pageToken, timeoutMs: options.timeoutMs }),
    );
  }
}
