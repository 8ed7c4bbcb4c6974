// The history sink's BigQuery client on Apps Script: the `BigQuery` Advanced Service (v2), synchronous.

import type { BigQueryClient, GetQueryResultsOptions } from '../core/bigquery/history-sink';
import {
  BigQueryConfigError,
  type BigQueryTable,
  type InsertAllBody,
  type InsertAllResponse,
  type QueryBody,
  type QueryResponse,
} from '../core/bigquery/requests';
import { ADVANCED_SERVICE_OFF } from '../core/messages/bigquery';

type AdvancedBigQuery = Pick<GoogleAppsScript.BigQuery, 'Tabledata' | 'Jobs'>;

/** The enabled Advanced Service, or a config error saying how to enable it. */
function advancedService(): AdvancedBigQuery {
  if (typeof BigQuery === 'undefined' || !BigQuery) {
    throw new BigQueryConfigError(ADVANCED_SERVICE_OFF);
  }
  return BigQuery;
}

/**
 * Wraps `BigQuery.Tabledata.insertAll`, `BigQuery.Jobs.query` and `BigQuery.Jobs.getQueryResults`.
 * Their failures (HTTP errors) throw with BigQuery's message, which the sink reads.
 */
export function advancedServiceBigQueryClient(service: AdvancedBigQuery = advancedService()): BigQueryClient {
  return {
    insertAll(table: BigQueryTable, body: InsertAllBody): InsertAllResponse {
      const resource = body as unknown as GoogleAppsScript.BigQuery.Schema.TableDataInsertAllRequest;
      return service.Tabledata.insertAll(resource, table.projectId, table.datasetId, table.tableId) as InsertAllResponse;
    },
    query(projectId: string, body: QueryBody): QueryResponse {
      const resource = body as unknown as GoogleAppsScript.BigQuery.Schema.QueryRequest;
      return service.Jobs.query(resource, projectId) as QueryResponse;
    },
    getQueryResults(projectId: string, jobId: string, options: GetQueryResultsOptions): QueryResponse {
      const args: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(options)) if (value !== undefined) args[name] = value;
      return service.Jobs.getQueryResults(projectId, jobId, args) as QueryResponse;
    },
  };
}
