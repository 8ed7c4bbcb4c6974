// The BigQuery client contract: the Apps Script Advanced Service client and the Node official client
// serve the history sink the same REST shapes, over the same stateful FakeBigQuery. Each case goes
// through the sink, the clients' only caller, and checks what reached the service.

import {
  BigQueryInsertError,
  BigQueryNotReadyError,
  type BigQuerySinkOptions,
  BigQueryStreamingBufferError,
  type WeekWriteResult,
} from '../../src/core/bigquery/history-sink';
import { HISTORY_TABLE_FIELDS } from '../../src/core/bigquery/history-table';
import type { HistoryRow } from '../../src/core/history/schema';
import { FakeBigQuery } from '../core/bigquery/fake-bigquery';

export const TABLE = { projectId: 'escola-exemplo-123', datasetId: 'cademi', tableId: 'historico' };

/** One client over one fake service. */
export interface BigQueryClientHarness {
  /** The sink's write and read over this client (the synchronous sink for a synchronous client). */
  write(rows: readonly HistoryRow[], week: string, options: BigQuerySinkOptions): Promise<WeekWriteResult>;
  read(sinceWeek: string, options: BigQuerySinkOptions): Promise<HistoryRow[]>;
  close(): Promise<void>;
}

const MINUTE = 60_000;

function row(week: string, studentId: number, productId: number): HistoryRow {
  const collectedAt = Date.UTC(2026, 2, 2, 12, 30, 15, 250);
  return {
    week,
    cohort: 'Turma A',
    studentId,
    name: `Aluna ${studentId} “Ç”`,
    email: `aluna${studentId}@mail.com`,
    productId,
    productName: `Curso ${productId}`,
    progress: 12.5 + studentId,
    lessonsCompleted: 3,
    lastAccessAt: studentId === 2 ? null : collectedAt - 86_400_000 - 456,
    expected: productId === 12 ? null : 10,
    situation: 'Em dia',
    origin: 'API',
    collectedAt,
    phone: null,
  };
}

/** Runs the suite; `open` gives a harness over `fake` (a table already created in it). */
export function describeBigQueryClientContract(name: string, open: (fake: FakeBigQuery) => Promise<BigQueryClientHarness>): void {
  describe(`BigQuery client contract: ${name}`, () => {
    let fake: FakeBigQuery;
    let harness: BigQueryClientHarness;
    beforeEach(async () => {
      fake = new FakeBigQuery();
      fake.createTable(TABLE, HISTORY_TABLE_FIELDS);
      harness = await open(fake);
    });
    afterEach(() => harness.close());

    const week = '2026-03-02';
    const rows = [row(week, 1, 11), row(week, 1, 12), row(week, 2, 11)];

    it('writes a week and reads it back exactly: dates, timestamps to the millisecond, nulls', async () => {
      await expect(harness.write(rows, week, { table: TABLE })).resolves.toEqual({ week, inserted: 3, replaced: 0 });
      expect(fake.calls.insertAll).toBe(1);
      await expect(harness.read(week, { table: TABLE })).resolves.toEqual(rows);
    });

    it('reads page after page, in order', async () => {
      const many = [...rows, row(week, 3, 11), row(week, 4, 12)];
      await harness.write(many, week, { table: TABLE });
      await expect(harness.read(week, { table: TABLE, pageSize: 2 })).resolves.toEqual(many);
      expect(fake.calls.getQueryResults).toBeGreaterThanOrEqual(2);
    });

    it('sends query parameters with their values (only the weeks since the one asked)', async () => {
      await harness.write(rows, week, { table: TABLE });
      const later = [row('2026-03-09', 1, 11)];
      await harness.write(later, '2026-03-09', { table: TABLE });
      await expect(harness.read('2026-03-09', { table: TABLE })).resolves.toEqual(later);
    });

    it('polls a query still running until it completes, and gives up after the polls allowed', async () => {
      await harness.write(rows, week, { table: TABLE });
      fake.pendingPollsPerJob = 3;
      await expect(harness.read(week, { table: TABLE })).resolves.toEqual(rows);
      fake.pendingPollsPerJob = 10;
      await expect(harness.read(week, { table: TABLE, maxPolls: 2 })).rejects.toBeInstanceOf(BigQueryNotReadyError);
    });

    it('an invalid row refuses the write in one request, naming the row, and stores nothing', async () => {
      const insertsBefore = fake.calls.insertAll;
      const error = await harness.write([rows[0], { ...rows[1], progress: Number.NaN }], week, { table: TABLE }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BigQueryInsertError);
      expect((error as BigQueryInsertError).rowErrors).toContainEqual(expect.objectContaining({ reason: 'invalid' }));
      expect(fake.calls.insertAll - insertsBefore).toBe(1);
      expect(fake.storedRows(TABLE)).toEqual([]);
    });

    it('replaces a week once the streaming buffer allows, and refuses before (the service’s message reaches the sink)', async () => {
      await harness.write(rows, week, { table: TABLE });
      await expect(harness.write(rows.slice(0, 1), week, { table: TABLE })).rejects.toBeInstanceOf(BigQueryStreamingBufferError);
      fake.advance(31 * MINUTE);
      await expect(harness.write(rows.slice(0, 1), week, { table: TABLE })).resolves.toEqual({ week, inserted: 1, replaced: 3 });
      await expect(harness.read(week, { table: TABLE })).resolves.toEqual(rows.slice(0, 1));
    });

    it('a missing table fails the read with the service’s error, not an empty history', async () => {
      await expect(harness.read(week, { table: { ...TABLE, tableId: 'nenhuma' } })).rejects.toThrow(/Not found/);
    });
  });
}
