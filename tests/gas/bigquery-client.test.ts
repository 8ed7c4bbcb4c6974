// The Apps Script BigQuery client over a fake of the Advanced Service's Tabledata and Jobs collections.

import { BigQueryStreamingBufferError, readHistoryFromBigQuery, writeWeekToBigQuery } from '../../src/core/bigquery/history-sink';
import { HISTORY_TABLE_FIELDS } from '../../src/core/bigquery/history-table';
import { advancedServiceBigQueryClient } from '../../src/gas/bigquery-client';
import { FakeBigQuery } from '../core/bigquery/fake-bigquery';

const TABLE = { projectId: 'escola-exemplo-123', datasetId: 'cademi', tableId: 'historico' };
const row = {
  week: '2026-03-02',
  cohort: 'A',
  studentId: 1,
  name: 'Ana',
  email: 'ana@mail.com',
  productId: 2,
  productName: 'Curso',
  progress: 12.5,
  lessonsCompleted: 3,
  lastAccessAt: null,
  expected: 10,
  situation: 'Em dia' as const,
  origin: 'API' as const,
  collectedAt: Date.UTC(2026, 2, 2, 12),
};

function advancedService(fake: FakeBigQuery) {
  return {
    Tabledata: { insertAll: (body: never, projectId: string, datasetId: string, tableId: string) => fake.insertAll({ projectId, datasetId, tableId }, body) },
    Jobs: {
      query: (body: never, projectId: string) => fake.query(projectId, body),
      getQueryResults: (projectId: string, jobId: string, options: object = {}) => fake.getQueryResults(projectId, jobId, options),
    },
  } as unknown as Parameters<typeof advancedServiceBigQueryClient>[0];
}

describe('advancedServiceBigQueryClient', () => {
  it('writes and pages back a week through the Advanced Service signatures', () => {
    const fake = new FakeBigQuery();
    fake.createTable(TABLE, HISTORY_TABLE_FIELDS);
    const client = advancedServiceBigQueryClient(advancedService(fake));
    const rows = [row, { ...row, productId: 3 }, { ...row, studentId: 2 }];
    writeWeekToBigQuery(client, rows, row.week, { table: TABLE });
    expect(readHistoryFromBigQuery(client, row.week, { table: TABLE, pageSize: 1 })).toEqual([row, { ...row, productId: 3 }, { ...row, studentId: 2 }]);
    expect(() => writeWeekToBigQuery(client, rows, row.week, { table: TABLE })).toThrow(BigQueryStreamingBufferError);
  });

  it('says how to enable the service when the global is missing', () => {
    expect(() => advancedServiceBigQueryClient()).toThrow(/Serviços > BigQuery API/);
  });
});
