// The official-client adapter: the real @google-cloud/bigquery class fits the interface it uses, and
// a week written and read through that interface round-trips (over the documented-shape fake).

import { BigQuery } from '@google-cloud/bigquery';
import { BigQueryInsertError, readHistoryFromBigQueryAsync, writeWeekToBigQueryAsync } from '../../src/core/bigquery/history-sink';
import { HISTORY_TABLE_FIELDS } from '../../src/core/bigquery/history-table';
import type { QueryParameter } from '../../src/core/bigquery/requests';
import { type OfficialBigQuery, OfficialBigQueryClient } from '../../src/node/official-bigquery-client';
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

/** Stands in for `new BigQuery()`, translating its calls back to the REST shapes the fake serves. */
function officialStandIn(fake: FakeBigQuery): OfficialBigQuery {
  const jobOf = (projectId: string, jobId: string, location?: string) => ({
    async getQueryResults(options: { maxResults?: number; pageToken?: string; timeoutMs?: number }) {
      const response = fake.getQueryResults(projectId, jobId, { ...options, location });
      return [[], null, response];
    },
  });
  return {
    dataset: (datasetId, options) => ({
      table: (tableId) => ({
        async insert(rows) {
          const response = fake.insertAll(
            { projectId: options?.projectId ?? '', datasetId, tableId },
            { kind: 'bigquery#tableDataInsertAllRequest', skipInvalidRows: false, ignoreUnknownValues: false, rows: rows as never },
          );
          if (response.insertErrors?.length) {
            const all = rows as unknown[];
            throw Object.assign(new Error('A failure occurred during this request.'), {
              name: 'PartialFailureError',
              errors: response.insertErrors.map((entry) => ({ row: all[entry.index ?? 0], errors: entry.errors ?? [] })),
            });
          }
          return [response];
        },
      }),
    }),
    async createQueryJob(options) {
      const queryParameters: QueryParameter[] = Object.entries(options.params).map(([name, value]) => ({
        name,
        parameterType: { type: options.types[name] as QueryParameter['parameterType']['type'] },
        parameterValue: { value: String(value) },
      }));
      const response = fake.query(options.projectId ?? '', {
        query: options.query,
        useLegacySql: false,
        parameterMode: 'NAMED',
        queryParameters,
        timeoutMs: 0,
      });
      const jobId = response.jobReference?.jobId ?? '';
      return [jobOf(options.projectId ?? '', jobId, response.jobReference?.location), response];
    },
    job: (jobId, options) => jobOf(options?.projectId ?? '', jobId, options?.location),
  };
}

describe('OfficialBigQueryClient', () => {
  it('accepts the real @google-cloud/bigquery client (checked by the type system, no network used)', () => {
    const real: OfficialBigQuery = new BigQuery({ projectId: TABLE.projectId });
    expect(typeof real.createQueryJob).toBe('function');
    expect(typeof real.dataset('cademi').table('historico').insert).toBe('function');
    expect(typeof real.job('x').getQueryResults).toBe('function');
  });

  it('writes a week and reads it back through the official client interface', async () => {
    const fake = new FakeBigQuery();
    fake.createTable(TABLE, HISTORY_TABLE_FIELDS);
    const client = new OfficialBigQueryClient(officialStandIn(fake));
    await writeWeekToBigQueryAsync(client, [row, { ...row, productId: 3 }], row.week, { table: TABLE });
    expect(await readHistoryFromBigQueryAsync(client, row.week, { table: TABLE })).toEqual([row, { ...row, productId: 3 }]);
  });

  it("turns the client's PartialFailureError into a clear insert error naming the row", async () => {
    const fake = new FakeBigQuery();
    fake.createTable(TABLE, HISTORY_TABLE_FIELDS);
    const client = new OfficialBigQueryClient(officialStandIn(fake));
    await expect(writeWeekToBigQueryAsync(client, [{ ...row, studentId: Number.NaN }], row.week, { table: TABLE })).rejects.toBeInstanceOf(BigQueryInsertError);
  });
});
