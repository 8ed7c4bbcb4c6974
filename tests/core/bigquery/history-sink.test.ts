// The BigQuery history sink against the stateful fake: round trip, re-runs, pagination, refusals, reports.

import {
  type AsyncBigQueryClient,
  BigQueryInsertError,
  BigQueryNotReadyError,
  BigQueryStreamingBufferError,
  readHistoryFromBigQuery,
  readHistoryFromBigQueryAsync,
  writeWeekToBigQuery,
  writeWeekToBigQueryAsync,
} from '../../../src/core/bigquery/history-sink';
import {
  createHistoryTableDdl,
  fromBigQueryRow,
  HISTORY_TABLE_FIELDS,
  rowKeyOf,
  toBigQueryRow,
  upgradeHistoryTableDdl,
  withSpreadsheetPhones,
} from '../../../src/core/bigquery/history-table';
import { BigQueryConfigError, deleteWeekQuery, historyQueryRequest, insertAllRequest, parseQueryResponse } from '../../../src/core/bigquery/requests';
import { loadConfig } from '../../../src/core/config/load-config';
import { cohortRow, ensureConfigSheets } from '../../../src/core/config/templates';
import type { HistoryRow } from '../../../src/core/history/schema';
import { DEFAULT_GOAL_TRACK } from '../../../src/core/model/goals';
import { buildReportSheets } from '../../../src/core/report/report-sheets';
import { COHORT_HEADERS, SHEET } from '../../../src/core/sheets';
import { startOfLocalDate } from '../../../src/core/time/local-date';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import { FakeBigQuery, javaDouble } from './fake-bigquery';

const TABLE = { projectId: 'escola-exemplo-123', datasetId: 'cademi', tableId: 'historico' };
const OPTIONS = { table: TABLE };
const TZ = 'America/Sao_Paulo';
const WEEKS = ['2026-03-02', '2026-03-09', '2026-03-16'];
const MINUTE = 60_000;

function weekRows(week: string, students = 4, cohort = 'Turma A'): HistoryRow[] {
  const collectedAt = startOfLocalDate(week, TZ) + 9 * 3_600_000 + 123;
  return Array.from({ length: students }, (_, index) => index + 1).flatMap((studentId) =>
    [11, 12, 13].map((productId, p) => ({
      week,
      cohort,
      studentId,
      name: `Aluna ${studentId} “Ç”`,
      email: `aluna${studentId}@mail.com`,
      productId,
      productName: `Curso ${productId}`,
      progress: Math.round((studentId * 7.3 + p * 12.5 + WEEKS.indexOf(week) * 10) * 10) / 10,
      lessonsCompleted: studentId + p,
      lastAccessAt: studentId === 3 ? null : collectedAt - (studentId * 86_400_000 + 456),
      expected: p === 2 ? null : 10 * (WEEKS.indexOf(week) + 1),
      situation: studentId === 4 ? ('Em risco' as const) : ('Em dia' as const),
      origin: studentId === 2 ? ('Mantido' as const) : ('API' as const),
      collectedAt,
      phone: null,
    })),
  );
}

/** The same school's rows with v3's string ids. */
function v3Rows(week: string, students = 4): HistoryRow[] {
  return weekRows(week, students).map((row) => ({ ...row, studentId: `usr_${row.studentId}`, productId: `prd_${row.productId}` }));
}

/** The schema as tables were created before v3: REQUIRED INT64 ids, no `_key` columns. */
const V1_TABLE_FIELDS = HISTORY_TABLE_FIELDS.filter((field) => !field.name.endsWith('_key') || field.name === 'row_key').map((field) =>
  field.name === 'student_id' || field.name === 'product_id' ? { ...field, mode: 'REQUIRED' as const } : field,
);

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The order the history query answers in: week, cohort, then row_key as text (v1 and v3 ids alike). */
function inTableOrder(rows: readonly HistoryRow[]): HistoryRow[] {
  const key = (row: HistoryRow) => [row.week, row.cohort, rowKeyOf(row)];
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const at = x.findIndex((part, index) => part !== y[index]);
    return at === -1 ? 0 : x[at] < y[at] ? -1 : 1;
  });
}

function fakeWithTable(): FakeBigQuery {
  const fake = new FakeBigQuery();
  fake.createTable(TABLE, HISTORY_TABLE_FIELDS);
  return fake;
}

function asyncClient(fake: FakeBigQuery): AsyncBigQueryClient {
  return {
    insertAll: async (table, body) => fake.insertAll(table, body),
    query: async (projectId, body) => fake.query(projectId, body),
    getQueryResults: async (projectId, jobId, options) => fake.getQueryResults(projectId, jobId, options),
  };
}

describe('history table codec', () => {
  it('round-trips a row through the insertAll JSON', () => {
    for (const row of weekRows(WEEKS[0])) expect(fromBigQueryRow(toBigQueryRow(row) as unknown as Record<string, unknown>)).toEqual(row);
  });

  it('reads TIMESTAMPs sent as epoch seconds in Java notation', () => {
    const row = weekRows(WEEKS[0])[0];
    const record = { ...toBigQueryRow(row), collected_at: javaDouble(row.collectedAt / 1000), student_id: String(row.studentId) };
    expect(javaDouble(1_789_376_400)).toBe('1.7893764E9');
    expect(fromBigQueryRow(record)).toEqual(row);
  });

  it('names the row key and the column of a bad value', () => {
    const record = { ...toBigQueryRow(weekRows(WEEKS[0])[0]), situation: 'Ótimo' };
    expect(() => fromBigQueryRow(record)).toThrow(/"2026-03-02\|1\|11".*situation/);
  });

  it('writes the documented request bodies', () => {
    const rows = weekRows(WEEKS[0], 1);
    const body = insertAllRequest(rows);
    expect(body).toMatchObject({ kind: 'bigquery#tableDataInsertAllRequest', skipInvalidRows: false, ignoreUnknownValues: false });
    expect(body.rows.map((row) => row.insertId)).toEqual(['2026-03-02|1|11', '2026-03-02|1|12', '2026-03-02|1|13']);
    const query = historyQueryRequest(TABLE, '2026-03-09');
    expect(query.query).toBe('SELECT * FROM `escola-exemplo-123.cademi.historico` WHERE week >= @since ORDER BY week, cohort, row_key');
    expect(query).toMatchObject({
      useLegacySql: false,
      parameterMode: 'NAMED',
      queryParameters: [{ name: 'since', parameterType: { type: 'DATE' }, parameterValue: { value: '2026-03-09' } }],
    });
    expect(deleteWeekQuery(TABLE, '2026-03-09').query).toBe('DELETE FROM `escola-exemplo-123.cademi.historico` WHERE week = @week');
    expect(createHistoryTableDdl(TABLE)).toContain('PARTITION BY week');
  });

  it('refuses table names that could not be quoted safely', () => {
    expect(() => historyQueryRequest({ ...TABLE, tableId: 'x` WHERE 1=1 --' }, WEEKS[0])).toThrow(BigQueryConfigError);
    expect(() => historyQueryRequest({ ...TABLE, projectId: 'Projeto' }, WEEKS[0])).toThrow(/Tabela BigQuery/);
  });

  it('reports a running job as not ready', () => {
    expect(parseQueryResponse({ jobComplete: false, jobReference: { jobId: 'j1' } })).toEqual({ ready: false, jobId: 'j1', location: null });
  });
});

describe('writeWeekToBigQuery / readHistoryFromBigQuery', () => {
  it('round-trips a week exactly', () => {
    const fake = fakeWithTable();
    const rows = weekRows(WEEKS[0]);
    expect(writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS)).toEqual({ week: WEEKS[0], inserted: 12, replaced: 0 });
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual(rows);
    expect(fake.calls.insertAll).toBe(1);
  });

  it('reads from a given week on, across weeks', () => {
    const fake = fakeWithTable();
    for (const week of WEEKS) {
      writeWeekToBigQuery(fake, weekRows(week), week, OPTIONS);
      fake.advance(7 * 24 * 60 * MINUTE);
    }
    expect(readHistoryFromBigQuery(fake, WEEKS[1], OPTIONS)).toEqual([...weekRows(WEEKS[1]), ...weekRows(WEEKS[2])]);
  });

  it('a re-run of a week leaves one copy, with the new values', () => {
    const fake = fakeWithTable();
    writeWeekToBigQuery(fake, weekRows(WEEKS[0]), WEEKS[0], OPTIONS);
    fake.advance(31 * MINUTE);
    const rerun = weekRows(WEEKS[0], 3).map((row) => ({ ...row, progress: row.progress + 1 }));
    expect(writeWeekToBigQuery(fake, rerun, WEEKS[0], OPTIONS)).toEqual({ week: WEEKS[0], inserted: 9, replaced: 12 });
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual(rerun);
    expect(fake.storedRows(TABLE)).toHaveLength(9);
  });

  it('a re-run inside the streaming-buffer window writes nothing and says to retry later', () => {
    const fake = fakeWithTable();
    const rows = weekRows(WEEKS[0]);
    writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS);
    fake.advance(5 * MINUTE);
    expect(() => writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS)).toThrow(BigQueryStreamingBufferError);
    expect(() => writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS)).toThrow(/meia hora/);
    expect(fake.storedRows(TABLE)).toHaveLength(12);
    fake.advance(30 * MINUTE);
    writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS);
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual(rows);
  });

  it('a retried insertAll request is de-duplicated by insertId', () => {
    const fake = fakeWithTable();
    const body = insertAllRequest(weekRows(WEEKS[0]));
    fake.insertAll(TABLE, body);
    fake.insertAll(TABLE, body);
    expect(fake.storedRows(TABLE)).toHaveLength(12);
  });

  it('keeps v3 ids (usr_…, prd_…) in the _key columns, and reads v1 and v3 weeks back alike', () => {
    const fake = fakeWithTable();
    const v1 = weekRows(WEEKS[0]);
    const v3 = v3Rows(WEEKS[1]);
    writeWeekToBigQuery(fake, v1, WEEKS[0], OPTIONS);
    writeWeekToBigQuery(fake, v3, WEEKS[1], OPTIONS);
    const stored = fake.storedRows(TABLE);
    expect(stored[0]).toMatchObject({ student_id: 1, product_id: 11 });
    expect(stored[0]).not.toHaveProperty('student_key');
    expect(stored[12]).toMatchObject({ student_key: 'usr_1', product_key: 'prd_11', row_key: '2026-03-09|usr_1|prd_11' });
    expect(stored[12]).not.toHaveProperty('student_id');
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual([...v1, ...inTableOrder(v3)]);
  });

  it('a table created for v1 ids takes v1 rows, refuses v3 rows with the DDL that upgrades it, and takes them once upgraded', () => {
    const fake = new FakeBigQuery();
    fake.createTable(TABLE, V1_TABLE_FIELDS);
    const v1 = weekRows(WEEKS[0]);
    writeWeekToBigQuery(fake, v1, WEEKS[0], OPTIONS);
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual(v1);

    const v3 = v3Rows(WEEKS[1]);
    const refusal = catchError(() => writeWeekToBigQuery(fake, v3, WEEKS[1], OPTIONS));
    expect(refusal).toBeInstanceOf(BigQueryInsertError);
    const ddl = upgradeHistoryTableDdl(TABLE);
    expect((refusal as Error).message).toContain(ddl);
    expect((refusal as Error).message).toMatch(/IDs numéricos da API v1/);
    expect(fake.storedRows(TABLE)).toHaveLength(12);

    // What the DDL does, in BigQuery's terms: the ids relaxed to NULLABLE, the keys added at the end.
    expect(ddl).toBe(
      [
        'ALTER TABLE `escola-exemplo-123.cademi.historico` ADD COLUMN IF NOT EXISTS student_key STRING, ADD COLUMN IF NOT EXISTS product_key STRING;',
        'ALTER TABLE `escola-exemplo-123.cademi.historico` ALTER COLUMN student_id DROP NOT NULL;',
        'ALTER TABLE `escola-exemplo-123.cademi.historico` ALTER COLUMN product_id DROP NOT NULL;',
      ].join('\n'),
    );
    fake.alterTable(TABLE, HISTORY_TABLE_FIELDS);
    writeWeekToBigQuery(fake, v3, WEEKS[1], OPTIONS);
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual([...v1, ...inTableOrder(v3)]);
  });

  it('a v1 row refused by a v1 table is not blamed on v3 ids', () => {
    const fake = new FakeBigQuery();
    fake.createTable(TABLE, V1_TABLE_FIELDS);
    const refusal = catchError(() => writeWeekToBigQuery(fake, [{ ...weekRows(WEEKS[0], 1)[0], studentId: 1.5 }], WEEKS[0], OPTIONS));
    expect(refusal).toBeInstanceOf(BigQueryInsertError);
    expect((refusal as Error).message).toContain('campo student_id');
    expect((refusal as Error).message).not.toContain('ALTER TABLE');
  });

  it('pages through a large history, in chunks and pages', () => {
    const fake = fakeWithTable();
    const rows = weekRows(WEEKS[0], 40);
    writeWeekToBigQuery(fake, rows, WEEKS[0], { ...OPTIONS, chunkSize: 50 });
    expect(fake.calls.insertAll).toBe(3);
    const before = fake.calls.getQueryResults;
    expect(readHistoryFromBigQuery(fake, WEEKS[0], { ...OPTIONS, pageSize: 7 })).toEqual(inTableOrder(rows));
    expect(fake.calls.getQueryResults - before).toBe(Math.ceil(120 / 7) - 1);
  });

  it('polls a job that is not complete, and gives up with a clear error', () => {
    const fake = fakeWithTable();
    const rows = weekRows(WEEKS[0]);
    fake.pendingPollsPerJob = 2;
    writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS);
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS)).toEqual(rows);
    fake.pendingPollsPerJob = 5;
    expect(() => readHistoryFromBigQuery(fake, WEEKS[0], { ...OPTIONS, maxPolls: 3 })).toThrow(BigQueryNotReadyError);
  });

  it('a schema violation names the row key and the reason, and stores nothing of that request', () => {
    const fake = new FakeBigQuery();
    const narrow = HISTORY_TABLE_FIELDS.map((field) => (field.name === 'progress' ? { ...field, type: 'INT64' as const } : field));
    fake.createTable(TABLE, narrow);
    const rows = weekRows(WEEKS[0], 2).map((row, index) => (index === 0 ? row : { ...row, progress: Math.round(row.progress) }));
    let caught: unknown;
    try {
      writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BigQueryInsertError);
    const message = (caught as Error).message;
    expect(message).toContain('2026-03-02|1|11: invalid (campo progress)');
    // BigQuery's own text is never shown (it is English, and may quote the row).
    expect(message).not.toMatch(/Cannot convert|7\.3/);
    expect(message).not.toContain('stopped');
    expect((caught as BigQueryInsertError).rowErrors.some((error) => error.reason === 'stopped')).toBe(true);
    expect(fake.storedRows(TABLE)).toHaveLength(0);
  });

  it('refuses rows of another week', () => {
    expect(() => writeWeekToBigQuery(fakeWithTable(), weekRows(WEEKS[1]), WEEKS[0], OPTIONS)).toThrow(/não é da semana 2026-03-02/);
  });

  it('passes a missing table through as the API said it', () => {
    expect(() => writeWeekToBigQuery(new FakeBigQuery(), weekRows(WEEKS[0]), WEEKS[0], OPTIONS)).toThrow(/Not found: Table/);
  });

  it('drives the same plan with an async client', async () => {
    const fake = fakeWithTable();
    const client = asyncClient(fake);
    const rows = weekRows(WEEKS[0], 10);
    await writeWeekToBigQueryAsync(client, rows, WEEKS[0], OPTIONS);
    fake.advance(5 * MINUTE);
    await expect(writeWeekToBigQueryAsync(client, rows, WEEKS[0], OPTIONS)).rejects.toThrow(BigQueryStreamingBufferError);
    expect(await readHistoryFromBigQueryAsync(client, WEEKS[0], { ...OPTIONS, pageSize: 4 })).toEqual(inTableOrder(rows));
  });
});

describe('the student’s phone', () => {
  it('never goes to BigQuery: not in the schema, the insertAll rows or what is stored', () => {
    const fake = fakeWithTable();
    const rows = weekRows(WEEKS[0], 2).map((row) => ({ ...row, phone: '+55 11 98765-4321' }));
    writeWeekToBigQuery(fake, rows, WEEKS[0], OPTIONS);
    expect(HISTORY_TABLE_FIELDS.map((field) => field.name)).not.toContain('phone');
    expect(JSON.stringify(insertAllRequest(rows))).not.toContain('98765');
    expect(JSON.stringify(fake.storedRows(TABLE))).not.toContain('98765');
    expect(readHistoryFromBigQuery(fake, WEEKS[0], OPTIONS).every((row) => row.phone === null)).toBe(true);
  });

  it('comes back from Histórico into rows read from BigQuery, for the same week, student and product only', () => {
    const [first, second] = weekRows(WEEKS[0], 1);
    const fromTable = [first!, second!, { ...first!, week: WEEKS[1] }];
    const fromSheet = [
      { ...first!, phone: '(11) 98765-4321' },
      { ...second!, phone: null },
    ];
    expect(withSpreadsheetPhones(fromTable, fromSheet).map((row) => row.phone)).toEqual(['(11) 98765-4321', null, null]);
  });
});

describe('reports from BigQuery', () => {
  it('equal the reports built from the original rows', () => {
    const workbook = new MemoryWorkbook();
    ensureConfigSheets(workbook);
    const cohort = {
      name: 'Turma A',
      tagId: 7,
      start: WEEKS[0],
      productIds: [11, 12, 13],
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: 'tutora@escola.br',
      active: true,
    };
    workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], cohortRow(cohort)] });
    const config = loadConfig(workbook);
    expect(config.cohorts.map((c) => c.name)).toEqual(['Turma A']);

    const fake = fakeWithTable();
    const original = WEEKS.flatMap((week) => weekRows(week, 6));
    for (const week of WEEKS) {
      writeWeekToBigQuery(
        fake,
        original.filter((row) => row.week === week),
        week,
        OPTIONS,
      );
      fake.advance(7 * 24 * 60 * MINUTE);
    }
    const readBack = readHistoryFromBigQuery(fake, WEEKS[0], { ...OPTIONS, pageSize: 10 });
    const reports = buildReportSheets(original, config, null);
    expect(reports.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Turma A']));
    expect(buildReportSheets(readBack, config, null)).toEqual(reports);
  });
});
