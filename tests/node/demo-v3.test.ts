// `cademi-monitor demo --api v3` as a real process: the built CLI on a temp folder, its output and
// the saved .xlsx read back with exceljs, compared with the v1 demo of the same simulated school.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { apiOptionInvalid, demoApi } from '../../src/core/messages/cli';
import { SHEET } from '../../src/core/sheets';
import { type SpawnedRun, spawnCli, useBuiltCli, useTempDir } from './support/cli-harness';

/** Two weeks: the first reads the product names, the second only what changed (each demo costs seconds). */
const DEMO_ARGS = ['demo', '--weeks', '2', '--first-week', '07/09/2026'];
/** Requests of a v3 week that are not a student's progress: one listing page per cohort (200 a page) and, in the first week, one per product name. */
const V3_REQUESTS_BESIDES_PROGRESS = 10;

type Row = Record<string, unknown>;

/** A sheet's rows as records keyed by its header row (exceljs keeps cell 1 at index 1). */
function sheetRecords(book: ExcelJS.Workbook, name: string): Row[] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`a planilha não tem a aba ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, column) => [String(name), cells[column]])));
}

/** A date cell as its ISO day, the key that joins Execuções' and Histórico's weeks. */
function weekKey(cell: unknown): string {
  if (!(cell instanceof Date)) throw new Error(`Semana deveria ser uma data: ${String(cell)}`);
  return cell.toISOString().slice(0, 10);
}

async function runDemo(dir: string, extra: string[]): Promise<{ run: SpawnedRun; book: ExcelJS.Workbook }> {
  const out = join(dir, 'demo.xlsx');
  const run = await spawnCli([...DEMO_ARGS, '--out', out, ...extra]).done;
  if (run.code !== 0) throw new Error(`a demonstração terminou com ${run.code}: ${run.stderr}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  return { run, book };
}

/** Per week of Histórico: the rows fetched from the API (`Origem = API`) and the distinct students they name. */
function fetchedByWeek(history: readonly Row[]): Map<string, { rows: number; students: number }> {
  const weeks = new Map<string, { rows: number; students: Set<unknown> }>();
  for (const row of history) {
    if (row.Origem !== 'API') continue;
    const week = weekKey(row.Semana);
    const entry = weeks.get(week) ?? { rows: 0, students: new Set() };
    entry.rows++;
    entry.students.add(row['Aluno ID']);
    weeks.set(week, entry);
  }
  return new Map([...weeks].map(([week, entry]) => [week, { rows: entry.rows, students: entry.students.size }]));
}

/** `Pronto: … N chamadas à API …`: the demo's total, pt-BR thousands separators removed. */
function totalCallsPrinted(stdout: string): number {
  const match = /^Pronto: .*?([\d.]+) chamadas à API/m.exec(stdout);
  if (!match) throw new Error(`sem a linha "Pronto:" na saída:\n${stdout}`);
  return Number(match[1].replaceAll('.', ''));
}

describe('demo --api v3 (the built CLI)', () => {
  useBuiltCli();
  const v3Dir = useTempDir('cademi-demo-v3-', 'all');
  const v1Dir = useTempDir('cademi-demo-v1-', 'all');
  let v3: { run: SpawnedRun; book: ExcelJS.Workbook };
  let v1: { run: SpawnedRun; book: ExcelJS.Workbook };

  beforeAll(async () => {
    // The v1 run is the demo as `npm start` runs it (no --api): the same seeded school, the other generation.
    [v3, v1] = await Promise.all([runDemo(v3Dir(), ['--api', 'v3']), runDemo(v1Dir(), [])]);
  }, 180_000);

  it('exits 0 and says, in pt-BR, that the run used API v3', () => {
    expect(v3.run.code).toBe(0);
    const lines = v3.run.stdout.split('\n');
    expect(lines).toContain(demoApi('v3'));
    expect(lines).not.toContain(demoApi('v1'));
    expect(v1.run.stdout.split('\n')).toContain(demoApi('v1'));
  });

  it('Histórico holds v3 ids (usr_…, prd_…), Turmas tag_/prd_ ids, and Configuração the Versão da API the demo set', () => {
    const history = sheetRecords(v3.book, SHEET.history);
    expect(history.length).toBeGreaterThan(0);
    for (const row of history) {
      expect(row['Aluno ID']).toMatch(/^usr_\w+$/);
      expect(row['Produto ID']).toMatch(/^prd_\w+$/);
    }
    const cohorts = sheetRecords(v3.book, SHEET.cohorts);
    expect(cohorts.length).toBeGreaterThan(0);
    for (const cohort of cohorts) {
      expect(cohort['Tag ID']).toMatch(/^tag_\w+$/);
      for (const product of String(cohort.Produtos).split(',')) expect(product.trim()).toMatch(/^prd_\w+$/);
    }
    const version = (book: ExcelJS.Workbook) => sheetRecords(book, SHEET.settings).find((row) => row.Chave === 'Versão da API')?.Valor;
    expect(version(v3.book)).toBe('v3');
    expect(version(v1.book)).toBe('v1');
  });

  it("Execuções' last run is Concluída, for the last week, with the requests the CLI counted", () => {
    const runs = sheetRecords(v3.book, SHEET.runs);
    const last = runs.at(-1)!;
    expect(last.Situação).toBe('Concluída');
    expect(weekKey(last.Semana)).toBe([...fetchedByWeek(sheetRecords(v3.book, SHEET.history)).keys()].sort().at(-1));
    expect(last.Chamadas).toEqual(expect.any(Number));
    expect(last.Chamadas).toBeGreaterThan(0);
    // The printed total is the sum of the logged weeks: the column counts every request of the run.
    expect(runs.reduce((sum, run) => sum + Number(run.Chamadas), 0)).toBe(totalCallsPrinted(v3.run.stdout));
  });

  it('Execuções says which API generation each run read', () => {
    expect(String(sheetRecords(v3.book, SHEET.runs).at(-1)!.Mensagem)).toMatch(/^Lido pela API v3 da Cademi\./);
    expect(String(sheetRecords(v1.book, SHEET.runs).at(-1)!.Mensagem)).toMatch(/^Lido pela API v1 da Cademi\./);
  });

  it("makes about one progress request per fetched student each week, fewer than the v1 demo's for the same school", () => {
    const v3Runs = new Map(sheetRecords(v3.book, SHEET.runs).map((run) => [weekKey(run.Semana), run]));
    const v1Runs = new Map(sheetRecords(v1.book, SHEET.runs).map((run) => [weekKey(run.Semana), run]));
    const fetched = fetchedByWeek(sheetRecords(v3.book, SHEET.history));
    expect([...v3Runs.keys()].sort()).toEqual([...fetched.keys()].sort());
    expect([...v1Runs.keys()].sort()).toEqual([...v3Runs.keys()].sort());
    for (const [week, { rows, students }] of fetched) {
      const v3Calls = Number(v3Runs.get(week)!.Chamadas);
      const v1Run = v1Runs.get(week)!;
      // Same seeded school, same incremental rule: the same students and carried values on both generations.
      expect([v1Run.Alunos, v1Run.Mantidos]).toEqual([v3Runs.get(week)!.Alunos, v3Runs.get(week)!.Mantidos]);
      // Each product a student has is a row: v3 asks once per student, v1 once per row.
      expect(rows).toBeGreaterThan(students);
      expect(v3Calls).toBeGreaterThanOrEqual(students);
      expect(v3Calls).toBeLessThanOrEqual(students + V3_REQUESTS_BESIDES_PROGRESS);
      expect(Number(v1Run.Chamadas)).toBeGreaterThanOrEqual(rows);
      expect(v3Calls).toBeLessThan(Number(v1Run.Chamadas));
    }
  });
});

describe('demo --api with another value (the built CLI)', () => {
  useBuiltCli();
  const dir = useTempDir('cademi-demo-api-');

  it('exits 2 with the one pt-BR message for it, and writes no file nor folder', async () => {
    const run = await spawnCli(['demo', '--api', 'v2', '--out', join(dir(), 'saida', 'demo.xlsx')]).done;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(apiOptionInvalid('v2'));
    expect(run.stdout).toBe('');
    expect(readdirSync(dir())).toEqual([]);
  });
});
