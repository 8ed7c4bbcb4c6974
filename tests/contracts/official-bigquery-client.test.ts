// The BigQuery client contract over the Node adapter and the real @google-cloud/bigquery client,
// pointed at BigQuery's REST API served on 127.0.0.1 over the FakeBigQuery (no network, no credentials).

import { BigQuery } from '@google-cloud/bigquery';
import { readHistoryFromBigQueryAsync, writeWeekToBigQueryAsync } from '../../src/core/bigquery/history-sink';
import { OfficialBigQueryClient } from '../../src/node/official-bigquery-client';
import { describeBigQueryClientContract, TABLE } from './bigquery-client.contract';
import { startBigQueryRestServer } from './bigquery-rest-server';

// jest runs modules in a vm without dynamic import(), which teeny-request uses to load node-fetch; where
// it sees Bun it sends through node:http with its own small fetch instead. Only this file's sandbox has it.
Object.assign(globalThis, { Bun: {} });

type BigQueryOptions = NonNullable<ConstructorParameters<typeof BigQuery>[0]>;

/** Credentials that are never checked: the loopback server takes any token, and no token is fetched. */
const OFFLINE_AUTH = { getRequestHeaders: async () => new Headers({ authorization: 'Bearer contrato' }), universeDomain: 'googleapis.com' };

describeBigQueryClientContract('OfficialBigQueryClient (real @google-cloud/bigquery)', async (fake) => {
  const server = await startBigQueryRestServer(fake);
  const official = new BigQuery({
    projectId: TABLE.projectId,
    apiEndpoint: server.endpoint,
    authClient: OFFLINE_AUTH as unknown as BigQueryOptions['authClient'],
    // A refused request is the contract's business, not the client's retries.
    autoRetry: false,
  });
  const client = new OfficialBigQueryClient(official);
  return {
    write: (rows, week, options) => writeWeekToBigQueryAsync(client, rows, week, options),
    read: (since, options) => readHistoryFromBigQueryAsync(client, since, options),
    close: () => server.close(),
  };
});
