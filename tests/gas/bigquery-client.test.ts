// The Apps Script BigQuery client without the Advanced Service; what it does with the service is
// tests/contracts/bigquery-client.contract.ts.

import { advancedServiceBigQueryClient } from '../../src/gas/bigquery-client';

describe('advancedServiceBigQueryClient', () => {
  it('says how to enable the service when the global is missing', () => {
    expect(() => advancedServiceBigQueryClient()).toThrow(/Serviços > BigQuery API/);
  });
});
