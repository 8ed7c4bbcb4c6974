// The BigQuery client contract over the Apps Script Advanced Service client, with the Advanced
// Service's Tabledata and Jobs signatures over the FakeBigQuery.

import { readHistoryFromBigQuery, writeWeekToBigQuery } from '../../src/core/bigquery/history-sink';
import { advancedServiceBigQueryClient } from '../../src/gas/bigquery-client';
import type { FakeBigQuery } from '../core/bigquery/fake-bigquery';
import { describeBigQueryClientContract } from './bigquery-client.contract';

function advancedService(fake: FakeBigQuery) {
  return {
    Tabledata: { insertAll: (body: never, projectId: string, datasetId: string, tableId: string) => fake.insertAll({ projectId, datasetId, tableId }, body) },
    Jobs: {
      query: (body: never, projectId: string) => fake.query(projectId, body),
      getQueryResults: (projectId: string, jobId: string, options: object = {}) => fake.getQueryResults(projectId, jobId, options),
    },
  } as unknown as Parameters<typeof advancedServiceBigQueryClient>[0];
}

describeBigQueryClientContract('advancedServiceBigQueryClient', async (fake) => {
  const client = advancedServiceBigQueryClient(advancedService(fake));
  return {
    write: async (rows, week, options) => writeWeekToBigQuery(client, rows, week, options),
    read: async (since, options) => readHistoryFromBigQuery(client, since, options),
    close: async () => {},
  };
});
