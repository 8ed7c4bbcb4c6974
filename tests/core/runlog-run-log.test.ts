// `Execuções`: Erros (what cost the week data) apart from Avisos (what lost nothing, such as a cohort
// that has not started yet), real date-time cells, and a log from before `Avisos` brought up to date.

import { appendRunLog, RUN_LOG_FORMATS, RUN_LOG_HEADERS, type RunLogEntry } from '../../src/core/runlog/run-log';
import { DATE_FORMAT, DATETIME_FORMAT, INTEGER_FORMAT, SHEET } from '../../src/core/sheets';
import { serialOfInstant, serialOfLocalDate } from '../../src/core/time/local-date';
import { MemoryWorkbook } from '../../src/core/workbook/memory-workbook';
import { runWeek } from '../../src/node/sync-runner';
import { mondayRun, schoolWorkbook, testApi } from '../support/school-workbook';

const TZ = 'America/Sao_Paulo';
const MONDAY = mondayRun('2026-09-14');
const column = (name: (typeof RUN_LOG_HEADERS)[number]) => RUN_LOG_HEADERS.indexOf(name);

const entry = (overrides: Partial<RunLogEntry> = {}): RunLogEntry => ({
  startedAt: MONDAY,
  finishedAt: MONDAY + 90_000,
  trigger: 'CLI',
  week: '2026-09-14',
  outcome: 'Concluída',
  cohorts: 2,
  students: 40,
  calls: 80,
  carried: 10,
  retries: 1,
  errors: 0,
  warnings: 2,
  message: 'tudo certo',
  ...overrides,
});

const logOf = (workbook: MemoryWorkbook) => workbook.readSheet(SHEET.runs) ?? [];

describe('the Execuções row', () => {
  it('has Avisos beside Erros, before the message, and real date and date-time cells', () => {
    const workbook = new MemoryWorkbook();
    appendRunLog(workbook, entry({ errors: 1, warnings: 3 }), TZ);
    const [header, row] = logOf(workbook);
    expect(header).toEqual([...RUN_LOG_HEADERS]);
    expect(header!.slice(column('Erros'))).toEqual(['Erros', 'Avisos', 'Mensagem']);
    expect(row![column('Erros')]).toBe(1);
    expect(row![column('Avisos')]).toBe(3);
    expect(row![column('Mensagem')]).toBe('tudo certo');
    expect(row![column('Início')]).toBe(serialOfInstant(MONDAY, TZ));
    expect(row![column('Semana')]).toBe(serialOfLocalDate('2026-09-14'));
    const sheet = workbook.sheet(SHEET.runs)!;
    expect(sheet.columnFormats.slice(0, 4)).toEqual([DATETIME_FORMAT, DATETIME_FORMAT, undefined, DATE_FORMAT]);
    // The counts read `1.131`, not `1131`.
    for (const count of ['Turmas', 'Alunos', 'Chamadas', 'Mantidos', 'Repetições', 'Erros', 'Avisos'] as const)
      expect(sheet.columnFormats[column(count)]).toBe(INTEGER_FORMAT);
    expect(sheet.features?.wrappedColumns).toEqual([column('Mensagem')]);
  });

  it('a log from before Avisos gets the column in one write: old rows keep their values, the message moves along', () => {
    const workbook = new MemoryWorkbook();
    const oldHeader = RUN_LOG_HEADERS.filter((name) => name !== 'Avisos');
    const oldRow = [1, 1.1, 'Agendada', 2, 'Concluída', 3, 30, 60, 5, 0, 4, 'Turma "X" começa em 2026-10-05; ignorada nesta semana.'];
    workbook.writeSheet(SHEET.runs, { rows: [[...oldHeader], oldRow], columnFormats: [...RUN_LOG_FORMATS] });
    const writes = workbook.calls.writes;
    appendRunLog(workbook, entry(), TZ);
    expect(workbook.calls.writes - writes).toBe(1);
    const [header, migrated, added] = logOf(workbook);
    expect(header).toEqual([...RUN_LOG_HEADERS]);
    expect(migrated).toEqual([...oldRow.slice(0, 11), null, oldRow[11]]);
    expect(added![column('Avisos')]).toBe(2);
    expect(added![column('Mensagem')]).toBe('tudo certo');
    // From then on rows are appended to the new layout.
    appendRunLog(workbook, entry({ startedAt: MONDAY + 86_400_000, message: 'de novo' }), TZ);
    expect(logOf(workbook)).toHaveLength(4);
    expect(logOf(workbook)[3]![column('Mensagem')]).toBe('de novo');
  });

  it('a redone completion still replaces its row, in the new layout and while migrating', () => {
    const workbook = new MemoryWorkbook();
    appendRunLog(workbook, entry({ message: 'primeira' }), TZ);
    appendRunLog(workbook, entry({ message: 'refeita' }), TZ);
    expect(
      logOf(workbook)
        .slice(1)
        .map((row) => row[column('Mensagem')]),
    ).toEqual(['refeita']);

    const old = new MemoryWorkbook();
    const oldHeader = RUN_LOG_HEADERS.filter((name) => name !== 'Avisos');
    const start = serialOfInstant(MONDAY, TZ);
    old.writeSheet(SHEET.runs, { rows: [[...oldHeader], [start, start, 'CLI', serialOfLocalDate('2026-09-14'), 'Concluída', 2, 40, 80, 10, 1, 2, 'antes']] });
    appendRunLog(old, entry({ message: 'refeita' }), TZ);
    expect(
      logOf(old)
        .slice(1)
        .map((row) => row[column('Mensagem')]),
    ).toEqual(['refeita']);
  });
});

describe('a week run counts Erros and Avisos apart', () => {
  it('cohorts that have not started yet are Avisos, not Erros; the run is Concluída', async () => {
    // 13/07/2026: only the first simulated cohort (06/07/2026) has started; the other four start later.
    const now = mondayRun('2026-07-13');
    const api = testApi(now, { studentCount: 40 });
    const workbook = schoolWorkbook(api.simulator.school);
    const { result } = await runWeek(workbook, api, { now, trigger: 'CLI' });
    const later = api.simulator.school.cohorts.filter((cohort) => cohort.start > '2026-07-13');
    expect(later.length).toBeGreaterThan(0);
    expect(result.errors).toEqual([]);
    const row = logOf(workbook).at(-1)!;
    expect(row[column('Situação')]).toBe('Concluída');
    expect(row[column('Erros')]).toBe(0);
    expect(row[column('Avisos')]).toBe(later.length);
    expect(String(row[column('Mensagem')])).toMatch(/começa em \d{2}\/\d{2}\/\d{4}; ignorada nesta semana/);
  });

  it('a cohort whose tag Cademi does not know is an Erro; a cohort not started yet beside it stays an Aviso', async () => {
    const now = mondayRun('2026-08-10');
    const api = testApi(now, { studentCount: 40 });
    const workbook = schoolWorkbook(api.simulator.school);
    const rows = workbook.readSheet(SHEET.cohorts)!;
    const tagColumn = rows[0]!.indexOf('Tag ID');
    workbook.updateRows(SHEET.cohorts, 1, [rows[1]!.map((cell, index) => (index === tagColumn ? 999_999 : cell))]);
    const { result } = await runWeek(workbook, api, { now, trigger: 'CLI' });
    expect(result.errors).toEqual([expect.stringMatching(/a tag 999999 não existe/)]);
    const row = logOf(workbook).at(-1)!;
    expect(row[column('Erros')]).toBe(1);
    expect(row[column('Avisos')]).toBe(result.warnings.length - 1);
    expect(row[column('Avisos')]).toBeGreaterThan(0);
  });

  it('a run that collects nothing is never logged Concluída (it fails and writes nothing)', async () => {
    const now = mondayRun('2026-06-01');
    const api = testApi(now, { studentCount: 40 });
    const workbook = schoolWorkbook(api.simulator.school);
    await expect(runWeek(workbook, api, { now, trigger: 'CLI' })).rejects.toThrow(/Nenhuma turma ativa começou ainda \(a primeira começa em 06\/07\/2026\)/);
    expect(workbook.readSheet(SHEET.runs)).toBeNull();
  });
});
