// The CLI end to end: init, cohort add, several weekly syncs, read back from the .xlsx file.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HISTORY_HEADERS } from '../../src/core/history/schema';
import { SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { FORMULA_NAME } from '../../src/simulator';
import { cli, readHistory, useTempDir } from './support/cli-harness';

describe('cademi-monitor CLI', () => {
  const dir = useTempDir('cademi-cli-', 'all');
  let file: string;

  beforeAll(() => {
    file = join(dir(), 'escola.xlsx');
  });

  it('init creates the config sheets and is idempotent', async () => {
    const first = await cli(['init', file]);
    expect(first.code).toBe(0);
    const workbook = await XlsxWorkbook.load(file);
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining([SHEET.settings, SHEET.cohorts, SHEET.goals]));
    expect(workbook.readSheet(SHEET.cohorts)![0]).toEqual(['Turma', 'Tag ID', 'Início', 'Produtos', 'Meta', 'Tutor', 'Ativa']);
    const second = await cli(['init', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nada mudou/);
  });

  it('sync without any cohort is a config error (exit 2)', async () => {
    const run = await cli(['sync', file, '--date', '2026-09-14']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nenhuma turma ativa/);
  });

  it('cohort add validates like the sheet and refuses a bad row without touching the file', async () => {
    const before = readFileSync(file);
    const bad = await cli(['cohort', 'add', file, '--name', 'Turma X', '--tag', 'abc', '--start', '2026-02-30', '--products', '11,x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Tag ID/);
    expect(bad.stderr).toMatch(/Início/);
    expect(bad.stderr).toMatch(/Produtos/);
    expect(readFileSync(file).equals(before)).toBe(true);

    const missing = await cli(['cohort', 'add', file, '--name', 'Turma Y']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--tag/);
  });

  it('cohort add appends valid cohorts and cohort list shows them', async () => {
    const a = await cli([
      'cohort',
      'add',
      file,
      '--name',
      'Turma 2026-08',
      '--tag',
      '102',
      '--start',
      '2026-08-03',
      '--products',
      '11,12,13',
      '--goal',
      'Padrão',
      '--tutor',
      'ana@escola.com',
    ]);
    expect(a.code).toBe(0);
    const b = await cli(['cohort', 'add', file, '--name', 'Turma 2026-09', '--tag', '103', '--start', '2026-09-07', '--products', '11,12,13']);
    expect(b.code).toBe(0);
    const c = await cli([
      'cohort',
      'add',
      file,
      '--name',
      'Turma 2026-07',
      '--tag',
      '101',
      '--start',
      '06/07/2026',
      '--products',
      '11, 12, 13',
      '--goal',
      'Padrão',
    ]);
    expect(c.code).toBe(0);
    const duplicate = await cli(['cohort', 'add', file, '--name', 'turma 2026-09', '--tag', '104', '--start', '2026-10-05', '--products', '11']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/nome repetido/);
    const list = await cli(['cohort', 'list', file]);
    expect(list.stdout).toMatch(/Turma 2026-08\ttag 102\tinício 03\/08\/2026\tprodutos 11,12,13\tmeta Padrão\ttutor ana@escola.com\tativa/);
    expect(list.stdout).toMatch(/Turma 2026-09\ttag 103/);
  });

  it('sync --date writes complete weeks; re-running a week keeps the row count', async () => {
    const week1 = await cli(['sync', file, '--date', '2026-09-14']);
    expect(week1.stderr).toBe('');
    expect(week1.code).toBe(0);
    expect(week1.stdout).toMatch(/simulador Cademi embutido/);
    expect(week1.stdout).toMatch(/Semana 14\/09\/2026: 3 turmas/);
    const afterWeek1 = await readHistory(file);
    expect(afterWeek1[0]).toEqual([...HISTORY_HEADERS]);
    const preview = readFileSync(join(dir(), 'escola.html'), 'utf8');
    expect(preview).toContain('Turma 2026-08');
    expect(preview).not.toContain('Turma Turma');
    expect(preview).toContain('data-chart-id="progress-curve"');

    expect((await cli(['sync', file, '--date', '2026-09-21'])).code).toBe(0);
    expect((await cli(['sync', file, '--date', '2026-09-23'])).code).toBe(0); // a Wednesday: same week again
    const history = await readHistory(file);
    const body = history.slice(1);
    const weeks = new Set(body.map((row) => row[0]));
    expect(weeks.size).toBe(2);
    const keys = body.map((row) => `${row[0]}|${row[2]}|${row[5]}`);
    expect(new Set(keys).size).toBe(keys.length);

    const again = await cli(['sync', file, '--date', '2026-09-21']);
    expect(again.code).toBe(0);
    expect(await readHistory(file)).toHaveLength(history.length);
    // Week 1 was not touched by the re-runs of week 2.
    expect((await readHistory(file)).slice(0, afterWeek1.length)).toEqual(afterWeek1);
    expect(body.some((row) => row[12] === 'Mantido')).toBe(true);
  });

  it('writes names from the API as text, never as formulas', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet(SHEET.history)!;
    let found = 0;
    sheet.eachRow((row) => {
      const cell = row.getCell(4);
      if (cell.value === FORMULA_NAME) {
        found++;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
      }
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    });
    // The simulated student whose name starts with "=" is in Turma 2026-07: one row per product per week.
    expect(found).toBe(3 * 2);
  });

  it('a wrong token exits 1 with a clear message and leaves the file byte-identical', async () => {
    const before = readFileSync(file);
    const run = await cli(['sync', file, '--date', '2026-09-28'], { CADEMI_TOKEN: 'token-errado' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/lista_por_tag/);
    expect(run.stderr).toMatch(/token/i);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a real API URL without a token is a usage error', async () => {
    const run = await cli(['sync', file], { CADEMI_BASE_URL: 'https://escola.cademi.com.br/api/v1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/CADEMI_TOKEN/);
  });

  it('bad usage exits 2', async () => {
    expect((await cli(['nope'])).code).toBe(2);
    expect((await cli(['sync'])).code).toBe(2);
    expect((await cli(['sync', join(dir(), 'missing.xlsx')])).code).toBe(2);
    expect((await cli(['sync', file, '--date', '31/11/2026'])).code).toBe(2);
    expect((await cli(['sync', file, '--bogus'])).code).toBe(2);
  });

  it('a broken cohort row is flagged at its cell and skipped while the other cohorts sync', async () => {
    const other = join(dir(), 'quebrada.xlsx');
    expect((await cli(['init', other])).code).toBe(0);
    expect((await cli(['cohort', 'add', other, '--name', 'Turma 2026-08', '--tag', '102', '--start', '2026-08-03', '--products', '11,12,13'])).code).toBe(0);
    const workbook = await XlsxWorkbook.load(other);
    const rows = workbook.readSheet(SHEET.cohorts)!;
    workbook.replaceRowsFrom(SHEET.cohorts, rows.length, [['Turma quebrada', 'abc', '2026-09-07', '11', '', '', 'Sim']]);
    await workbook.save(other);

    const run = await cli(['sync', other, '--date', '2026-09-14']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/aviso: Turmas, linha 3, coluna Tag ID: "abc" não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/);
    const after = await XlsxWorkbook.load(other);
    expect(after.notes(SHEET.cohorts)).toEqual([{ row: 2, column: 1, message: expect.stringMatching(/não é um ID de tag/) }]);
    const cohorts = new Set((after.readSheet(SHEET.history) ?? []).slice(1).map((row) => row[1]));
    expect(cohorts).toEqual(new Set(['Turma 2026-08']));
  });

  it('the installed bin runs the built CLI', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '../../bin/cademi-monitor.js'), 'help'], { encoding: 'utf8' });
    expect(out).toMatch(/cademi-monitor sync/);
  });
});
