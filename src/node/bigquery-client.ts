// The history sink's BigQuery client on Node: the v2 REST API over global fetch, with a bearer token.

import type { AsyncBigQueryClient, GetQueryResultsOptions } from '../core/bigquery/history-sink';
import type { BigQueryTable, InsertAllBody, InsertAllResponse, QueryBody, QueryResponse } from '../core/bigquery/requests';

/**
 * Where tokens come from. `new GoogleAuth({ scopes: 'https://www.googleapis.com/auth/bigquery' })`
 * (google-auth-library) satisfies it, as does `new BigQuery().authClient` (@google-cloud/bigquery);
 * so does `{ getAccessToken: async () => process.env.BIGQUERY_TOKEN }` with `gcloud auth print-access-token`.
 */
export interface AccessTokenSource {
  getAccessToken(): Promise<string | null | undefined | { token?: string | null }>;
}

/** A non-2xx answer of the BigQuery API, with its message (the sink looks for "streaming buffer" in it). */
export class BigQueryHttpError extends Error {
  constructor(readonly status: number, readonly endpoint: string, message: string) {
    super(`BigQuery ${endpoint} respondeu ${status}: ${message}`);
    this.name = 'BigQueryHttpError';
  }
}

const BASE_URL = 'https://bigquery.googleapis.com/bigquery/v2';

export class RestBigQueryClient implements AsyncBigQueryClient {
  constructor(
    private readonly tokens: AccessTokenSource,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 60_000,
  ) {}

  insertAll(table: BigQueryTable, body: InsertAllBody): Promise<InsertAllResponse> {
    const path = `/projects/${encodeURIComponent(table.projectId)}/datasets/${encodeURIComponent(table.datasetId)}/tables/${encodeURIComponent(table.tableId)}/insertAll`;
    return this.call('POST', path, body) as Promise<InsertAllResponse>;
  }

  query(projectId: string, body: QueryBody): Promise<QueryResponse> {
    return this.call('POST', `/projects/${encodeURIComponent(projectId)}/queries`, body) as Promise<QueryResponse>;
  }

  getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): Promise<QueryResponse> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(options)) if (value !== undefined) search.set(name, String(value));
    const query = search.size > 0 ? `?${search}` : '';
    return this.call('GET', `/projects/${encodeURIComponent(projectId)}/queries/${encodeURIComponent(jobId)}${query}`) as Promise<QueryResponse>;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const issued = await this.tokens.getAccessToken();
    const token = typeof issued === 'string' ? issued : issued?.token;
    if (!token) throw new BigQueryHttpError(401, path, 'sem token de acesso (configure GOOGLE_APPLICATION_CREDENTIALS ou gcloud auth application-default login)');
    const response = await this.fetchImpl(`${BASE_URL}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new BigQueryHttpError(response.status, path, `resposta que não é JSON: ${text.slice(0, 200)}`);
    }
    if (!response.ok) {
      const message = (parsed as { error?: { message?: string } } | null)?.error?.message ?? text.slice(0, 300);
      throw new BigQueryHttpError(response.status, path, message);
    }
    return parsed;
  }
}
