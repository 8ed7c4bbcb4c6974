// The CLI over an .xlsx that people edit in Excel or LibreOffice: a renamed `Histórico` is found
// again, a deleted one stops the sync (exit 2, file untouched), and `cohort edit --name` takes the
// cohort's past along (Histórico rows, its sheets, every week in its pivot).

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chartSheetName, pivotSheetName } from '../../src/core/identity/sheet-names';
import { PIVOT_HEADER_ROW } from '../../src/core/report/pivot';
import { readHistoryRows } from '../../src/core/report/report-sheets';
import { SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { AUGUST_COHORT, cli, initWorkbook, JULY_COHORT, syncWeeks, useTempDir } from './support/cli-harness';

/** A sheet reference as workbook.xml holds it: quoted, apostrophes doubled, XML-escaped. */
const reference = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`.replace(/'/g, '&apos;');

/** Edits xl/workbook.xml the way Excel or LibreOffice rewrites it when a person renames or deletes a tab. */
async function editWorkbookXml(file: string, change: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  zip.file('xl/workbook.xml', change(await zip.file('xl/workbook.xml')!.async('string')));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

async function personRenames(file: string, from: string, to: string): Promise<void> {
  await editWorkbookXml(file, (xml) => xml.split(`name="${from}"`).join(`name="${to}"`).split(reference(from)).join(reference(to)));
}

/** The tab removed; its defined name left as `#REF!`, as LibreOffice saves it. */
async function personDeletes(file: string, name: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  book.removeWorksheet(book.getWorksheet(name)!.id);
  await book.xlsx.writeFile(file);
  await editWorkbookXml(file, (xml) => xml.split(`${reference(name)}$A$1`).join('#REF!'));
}

async function weeksByCohort(file: string): Promise<Record<string, string[]>> {
  const workbook = await XlsxWorkbook.load(file);
  const byCohort: Record<string, Set<string>> = {};
  for (const row of readHistoryRows(workbook.readSheet(SHEET.history), 'America/Sao_Paulo')) {
    const weeks = byCohort[row.cohort] ?? new Set<string>();
    weeks.add(row.week);
    byCohort[row.cohort] = weeks;
  }
  return Object.fromEntries(Object.entries(byCohort).map(([cohort, weeks]) => [cohort, [...weeks].sort()]));
}

describe('cademi-monitor over a workbook people edit', () => {
  const dir = useTempDir('cademi-cli-identity-', 'all');
  let file: string;

  beforeAll(async () => {
    file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT, AUGUST_COHORT);
    await syncWeeks(file, '2026-09-14', '2026-09-21');
  });

  it('finds a Histórico renamed in LibreOffice, names it back, and adds the week to every earlier one', async () => {
    await personRenames(file, SHEET.history, 'Histórico antigo');
    expect((await XlsxWorkbook.load(file)).sheetNames()).not.toContain(SHEET.history);
    const run = await cli(['sync', file, '--date', '2026-09-28']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /aviso: Histórico: a aba "Histórico antigo" é a aba "Histórico" do Progresso Cademi \(foi renomeada\) e voltou a se chamar "Histórico"/,
    );
    const workbook = await XlsxWorkbook.load(file);
    expect(workbook.sheetNames()).toContain(SHEET.history);
    expect(workbook.sheetNames()).not.toContain('Histórico antigo');
    expect((await weeksByCohort(file))['Turma 2026-07']).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
  });

  it('stops with exit 2 and a message when Histórico was deleted, leaving the file byte-identical', async () => {
    const kept = join(dir(), 'copia.xlsx');
    copyFileSync(file, kept);
    await personDeletes(file, SHEET.history);
    const before = readFileSync(file);
    const run = await cli(['sync', file, '--date', '2026-10-05']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Histórico: a aba "Histórico", criada pelo Progresso Cademi, não existe mais \(foi excluída\?\)\. Nada foi gravado/);
    expect(readFileSync(file).equals(before)).toBe(true);
    copyFileSync(kept, file); // restored from the copy
  });

  it('cohort edit --name renames the cohort’s past and its sheets; the next week continues its pivot', async () => {
    const before = await XlsxWorkbook.load(file);
    const pivotKey = [...before.sheetIdentities()].find(([, names]) => names.includes(pivotSheetName('Turma 2026-08')))![0];
    const edit = await cli(['cohort', 'edit', file, 'Turma 2026-08', '--name', 'Turma Tarde']);
    expect(edit.code).toBe(0);
    expect(edit.stdout).toMatch(
      /A turma "Turma 2026-08" agora se chama "Turma Tarde": as semanas anteriores do Histórico, os Ajustes e as abas da turma passaram para o novo nome/,
    );
    const afterEdit = await XlsxWorkbook.load(file);
    expect(afterEdit.sheetNames()).toEqual(expect.arrayContaining([pivotSheetName('Turma Tarde'), chartSheetName('Turma Tarde')]));
    expect(afterEdit.sheetNames()).not.toContain(pivotSheetName('Turma 2026-08'));
    expect(afterEdit.sheetIdentities().get(pivotKey)).toEqual([pivotSheetName('Turma Tarde')]);
    expect(await weeksByCohort(file)).toEqual({
      'Turma 2026-07': ['2026-09-14', '2026-09-21', '2026-09-28'],
      'Turma Tarde': ['2026-09-14', '2026-09-21', '2026-09-28'],
    });

    expect((await cli(['sync', file, '--date', '2026-10-05'])).code).toBe(0);
    const workbook = await XlsxWorkbook.load(file);
    const [header, ...rows] = workbook.readSheet(pivotSheetName('Turma Tarde'))!.slice(PIVOT_HEADER_ROW);
    for (const week of ['14/09', '21/09', '28/09', '05/10']) {
      const column = header.indexOf(week);
      expect(column).toBeGreaterThan(0);
      expect(rows.some((row) => typeof row[column] === 'number')).toBe(true);
    }
    const overview = workbook.readSheet('Resumo')!.map((row) => row[0]);
    expect(overview).toContain('Turma Tarde');
    expect(overview).not.toContain('Turma 2026-08');
  });
});
