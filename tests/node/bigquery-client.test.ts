// The Node REST BigQuery client over a fake fetch that routes the v2 endpoints to the in-memory BigQuery.

import { HISTORY_TABLE_FIELDS } from '../../src/core/bigquery/history-table';
import { readHistoryFromBigQueryAsync, writeWeekToBigQueryAsync, BigQueryStreamingBufferError } from '../../src/core/bigquery/history-sink';
import { BigQueryHttpError, RestBigQueryClient } from '../../src/node/bigquery-client';
import { FakeBigQuery } from '../core/bigquery/fake-bigquery';

const TABLE = { projectId: 'escola-exemplo-123', datasetId: 'cademi', tableId: 'historico' };
const row = {
  week: '2026-03-02', cohort: 'A', studentId: 1, name: 'Ana', email: 'ana@mail.com', productId: 2, productName: 'Curso', progress: 12.5,
  lessonsCompleted: 3, lastAccessAt: Date.UTC(2026, 2, 1, 8, 30, 0, 250), expected: null, situation: 'Em dia' as const, origin: 'Mantido' as const, collectedAt: Date.UTC(2026, 2, 2, 12),
};

function fakeFetch(fake: FakeBigQuery, seen: string[]): typeof fetch {
  return (async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    seen.push(`${init?.method} ${url.pathname}${url.search}`);
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer t0k3n');
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const path = url.pathname.replace('/bigquery/v2', '');
    try {
      let answer: unknown;
      let match: RegExpExecArray | null;
      if ((match = /^\/projects\/([^/]+)\/datasets\/([^/]+)\/tables\/([^/]+)\/insertAll$/.exec(path))) {
        answer = fake.insertAll({ projectId: match[1], datasetId: match[2], tableId: match[3] }, body);
      } else if ((match = /^\/projects\/([^/]+)\/queries$/.exec(path))) {
        answer = fake.query(match[1], body);
      } else if ((match = /^\/projects\/([^/]+)\/queries\/([^/]+)$/.exec(path))) {
        const options = Object.fromEntries(url.searchParams);
        answer = fake.getQueryResults(match[1], match[2], { ...options, maxResults: options.maxResults ? Number(options.maxResults) : undefined });
      } else {
        return new Response(JSON.stringify({ error: { code: 404, message: 'Not found' } }), { status: 404 });
      }
      return new Response(JSON.stringify(answer), { status: 200 });
    } catch (error) {
      const message = (error as Error).message.replace(/^API call to .* failed with error: /, '');
      return new Response(JSON.stringify({ error: { code: 400, message, errors: [{ reason: 'invalidQuery', message }] } }), { status: 400 });
    }
  }) as typeof fetch;
}

describe('RestBigQueryClient', () => {
  it('writes, pages back and refuses a too-early re-run through the REST endpoints', async () => {
    const fake = new FakeBigQuery();
    fake.createTable(TABLE, HISTORY_TABLE_FIELDS);
    const seen: string[] = [];
    const client = new RestBigQueryClient({ getAccessToken: async () => 't0k3n' }, fakeFetch(fake, seen));
    const rows = [row, { ...row, productId: 3 }, { ...row, studentId: 2 }];
    await writeWeekToBigQueryAsync(client, rows, row.week, { table: TABLE });
    expect(await readHistoryFromBigQueryAsync(client, row.week, { table: TABLE, pageSize: 2 })).toEqual(rows);
    expect(seen).toContain('POST /bigquery/v2/projects/escola-exemplo-123/datasets/cademi/tables/historico/insertAll');
    expect(seen.some((call) => /^GET \/bigquery\/v2\/projects\/escola-exemplo-123\/queries\/job_\d+\?pageToken=page%3A2/.test(call))).toBe(true);
    await expect(writeWeekToBigQueryAsync(client, rows, row.week, { table: TABLE })).rejects.toThrow(BigQueryStreamingBufferError);
  });

  it('turns an HTTP error into a message with the endpoint', async () => {
    const client = new RestBigQueryClient({ getAccessToken: async () => 't0k3n' }, fakeFetch(new FakeBigQuery(), []));
    await expect(writeWeekToBigQueryAsync(client, [row], row.week, { table: TABLE })).rejects.toThrow(BigQueryHttpError);
    await expect(writeWeekToBigQueryAsync(client, [row], row.week, { table: TABLE })).rejects.toThrow(/respondeu 400: Not found: Table/);
  });
});
