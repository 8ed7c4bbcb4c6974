// With `Tabela BigQuery` set, the completed week is copied to BigQuery and the reports are built from
// the whole history there (archived weeks included), through the built bundle over the fakes.

import { writeWeekToBigQuery } from '../../src/core/bigquery/history-sink';
import { type BigQueryField, HISTORY_TABLE_FIELDS } from '../../src/core/bigquery/history-table';
import type { HistoryRow } from '../../src/core/history/schema';
import { PIVOT_HEADER_ROW } from '../../src/core/report/pivot';
import { SHEET } from '../../src/core/sheets';
import { advancedServiceBigQueryClient } from '../../src/gas/bigquery-client';
import { bundleCode } from '../../testkit/bundle';
import { loadBundle } from '../../testkit/fakes';
import { FakeBigQuery } from '../core/bigquery/fake-bigquery';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const TABLE = { projectId: 'escola-exemplo-123', datasetId: 'cademi', tableId: 'historico' };

/** A school with one cohort configured, `Tabela BigQuery` set and the advanced service over the fake. */
function schoolWithBigQuery(
  monday: number,
  options: { api: 'v1' | 'v3'; studentCount: number; tableFields?: readonly BigQueryField[]; alertEmail?: string },
): { gas: GasSchool; bigquery: FakeBigQuery } {
  const gas = gasSchool(monday, options);
  const bigquery = new FakeBigQuery();
  bigquery.createTable(TABLE, options.tableFields ?? HISTORY_TABLE_FIELDS);
  gas.env.globals.BigQuery = {
    Tabledata: {
      insertAll: (body: never, projectId: string, datasetId: string, tableId: string) => bigquery.insertAll({ projectId, datasetId, tableId }, body),
    },
    Jobs: {
      query: (body: never, projectId: string) => bigquery.query(projectId, body),
      getQueryResults: (projectId: string, jobId: string, options: object = {}) => bigquery.getQueryResults(projectId, jobId, options),
    },
  };
  // The advanced service is a global the bundle sees when it is loaded, as Apps Script does.
  gas.fns = loadBundle(bundleCode(), gas.env);
  configure(gas, { cohorts: 1 });
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf('Tabela BigQuery') + 1, 2).setValue(`${TABLE.projectId}.${TABLE.datasetId}.${TABLE.tableId}`);
  if (options.alertEmail) settings.getRange(keys.indexOf('E-mail para alertas') + 1, 2).setValue(options.alertEmail);
  return { gas, bigquery };
}

describe('BigQuery copy and reports from BigQuery', () => {
  it('copies the week and builds the pivot over the archived weeks kept only in BigQuery', () => {
    const monday = mondayRun('2026-09-14');
    const { gas } = schoolWithBigQuery(monday, { api: 'v1', studentCount: 300 });
    const { env, school } = gas;

    // An archived week that lives only in BigQuery.
    const student = school.studentsWithTagAt(101, monday)[0];
    const archived: HistoryRow = {
      week: '2026-08-31',
      cohort: 'Turma 2026-07',
      studentId: student.id,
      name: student.nome,
      email: student.email,
      productId: 11,
      productName: 'Fundamentos',
      progress: 5,
      lessonsCompleted: 1,
      lastAccessAt: null,
      expected: 30,
      situation: 'Em risco',
      origin: 'API',
      collectedAt: monday - 14 * 86_400_000,
      phone: null,
    };
    writeWeekToBigQuery(advancedServiceBigQueryClient(env.globals.BigQuery as never), [archived], archived.week, { table: TABLE });

    env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    env.runTriggersUntil(env.time.now() + 60 * 60_000, gas.fns);
    const historyRows = env.spreadsheet.sheet(SHEET.history).dump().length - 1;
    const log = env.spreadsheet.sheet(SHEET.runs).dump().at(-1)!;
    expect(log[4]).toBe('Concluída');
    expect(String(log[12])).toMatch(new RegExp(`BigQuery: ${historyRows} linhas copiadas`));
    const pivotHeader = env.spreadsheet.sheet('Turma 2026-07').dump()[PIVOT_HEADER_ROW].map(String);
    expect(pivotHeader).toContain('31/08');
    expect(pivotHeader).toContain('14/09');
  });

  it('on v3, copies the week with its usr_/prd_ ids in the _key columns', () => {
    const monday = mondayRun('2026-11-09');
    const { gas, bigquery } = schoolWithBigQuery(monday, { api: 'v3', studentCount: 120 });

    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    const log = gas.env.spreadsheet.sheet(SHEET.runs).dump().at(-1)!;
    expect(log[4]).toBe('Concluída');
    const stored = bigquery.storedRows(TABLE);
    expect(stored.length).toBeGreaterThan(0);
    expect(String(log[12])).toContain(`BigQuery: ${stored.length} linhas copiadas`);
    for (const row of stored) {
      expect(row).toMatchObject({ student_key: expect.stringMatching(/^usr_/), product_key: expect.stringMatching(/^prd_/) });
      expect(row).not.toHaveProperty('student_id');
    }
  });

  it('a copy that fails is an Aviso and one alert; a later run it fails in again stays quiet; the first copy that works resolves it', () => {
    const alertEmail = 'coordenacao@escola.com';
    // A table made before v3's ids, then a school on v3: its copy is refused until the table is upgraded.
    const v1Table = HISTORY_TABLE_FIELDS.filter((field) => field.name !== 'student_key' && field.name !== 'product_key').map((field) =>
      field.name.endsWith('_id') ? { ...field, mode: 'REQUIRED' as const } : field,
    );
    const { gas, bigquery } = schoolWithBigQuery(mondayRun('2026-11-09'), { api: 'v3', studentCount: 60, tableFields: v1Table, alertEmail });
    const run = () => {
      gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
      gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
      return gas.env.spreadsheet.sheet(SHEET.runs).dump().at(-1)!;
    };
    const alerts = () => gas.env.mail.sent.filter((mail) => mail.to === alertEmail);

    const refused = run();
    expect(refused[4]).toBe('Concluída');
    expect(Number(refused[11])).toBeGreaterThanOrEqual(1);
    expect(String(refused[12])).toContain('BigQuery: a cópia falhou');
    expect(String(refused[12])).toContain('ALTER TABLE');
    expect(bigquery.storedRows(TABLE)).toEqual([]);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0].subject).toContain('a cópia no BigQuery falhou');

    gas.env.time.advance(60 * 60_000);
    expect(run()[4]).toBe('Concluída');
    expect(alerts()).toHaveLength(1);

    bigquery.alterTable(TABLE, HISTORY_TABLE_FIELDS);
    gas.env.time.advance(60 * 60_000);
    const copied = run();
    expect(String(copied[12])).toMatch(/BigQuery: \d+ linhas copiadas/);
    expect(bigquery.storedRows(TABLE).length).toBeGreaterThan(0);
    expect(alerts()).toHaveLength(2);
    expect(alerts()[1].subject).toContain('resolvido');
  });
});
