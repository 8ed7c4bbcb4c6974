// The report sheets in the .xlsx the CLI writes, read back with exceljs as Excel or LibreOffice would:
// the tab order and the tab it opens on, the title rows above each header, no "Turma Turma", real
// date cells formatted dd/mm/yyyy, numbers with fixed decimals, and Resumo's chart data hidden.

import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PIVOT_HEADER_ROW, PIVOT_HEADERS } from '../../src/core/report/pivot';
import { AUGUST_COHORT, initWorkbook, JULY_COHORT, syncWeeks, useTempDir } from './support/cli-harness';

describe('the report sheets of the .xlsx', () => {
  const dir = useTempDir('cademi-reports-', 'all');
  let book: ExcelJS.Workbook;
  const sheet = (name: string) => {
    const found = book.getWorksheet(name);
    if (!found) throw new Error(`no sheet "${name}" in ${book.worksheets.map((entry) => entry.name).join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    const file = join(dir(), 'escola.xlsx');
    await initWorkbook(file, JULY_COHORT, AUGUST_COHORT);
    await syncWeeks(file, '2026-09-14');
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
  }, 120_000);

  it('orders the tabs as people use them and opens on Resumo', () => {
    const visible = book.worksheets.filter((entry) => entry.state !== 'hidden' && entry.state !== 'veryHidden').map((entry) => entry.name);
    expect(visible).toEqual([
      'Resumo',
      'Contatos da semana',
      'Turma 2026-07',
      'Gráficos Turma 2026-07',
      'Turma 2026-08',
      'Gráficos Turma 2026-08',
      'Histórico',
      'Execuções',
      'Configuração',
      'Turmas',
      'Metas',
    ]);
    const active = book.views?.[0]?.activeTab ?? 0;
    expect(book.worksheets[active]?.name).toBe('Resumo');
  });

  it("writes Resumo's headline above its table and formats its numbers and dates", () => {
    const resumo = sheet('Resumo');
    expect(String(resumo.getCell('A1').value)).toMatch(/^Resumo das turmas · atualizado em 14\/09\/2026 \d\d:\d\d$/);
    expect(String(resumo.getCell('A2').value)).toMatch(/^\d+ alunos? para contatar esta semana \(aba Contatos da semana\) · \d+ em risco · \d+ desistentes?$/);
    const headerRow = resumo.getRow(4);
    expect(headerRow.getCell(1).value).toBe('Turma');
    expect(headerRow.getCell(3).value).toBe('Início');
    const first = resumo.getRow(5);
    expect(first.getCell(1).value).toBe('Turma 2026-07');
    expect(first.getCell(3).value).toBeInstanceOf(Date);
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(5).numFmt).toBe('#,##0');
    expect(first.getCell(6).numFmt).toBe('#,##0.0');
    expect(first.getCell(13).numFmt).toBe('+#,##0.0;-#,##0.0;0.0');
  });

  it('keeps the comparison chart’s data out of the table’s way: hidden columns right of it', () => {
    const resumo = sheet('Resumo');
    const header = resumo.getRow(4);
    const blockColumn = [...Array(40).keys()].map((index) => index + 1).find((column) => header.getCell(column).value === 'Semana da turma' && column > 4)!;
    expect(blockColumn).toBeGreaterThan(14);
    expect(resumo.getColumn(blockColumn).hidden).toBe(true);
    expect(header.getCell(blockColumn + 3).value).toBe('Esperado: Padrão');
  });

  it('names a cohort called "Turma …" once, and puts the title and the legend above the pivot’s header', () => {
    expect(book.worksheets.map((entry) => entry.name).join('|')).not.toMatch(/Turma Turma/);
    const pivot = sheet('Turma 2026-07');
    expect(String(pivot.getCell('A1').value)).toMatch(/^Turma 2026-07 · /);
    expect(String(pivot.getCell('A2').value)).toMatch(/^Cores nas semanas/);
    const header = pivot.getRow(PIVOT_HEADER_ROW + 1);
    expect(PIVOT_HEADERS.map((_, index) => header.getCell(index + 1).value)).toEqual([...PIVOT_HEADERS]);
    const difference = PIVOT_HEADERS.indexOf('Diferença do esperado (pontos)') + 1;
    expect(pivot.getRow(PIVOT_HEADER_ROW + 2).getCell(difference).numFmt).toBe('+#,##0.0;-#,##0.0;0.0');
    expect(pivot.views[0]).toMatchObject({ state: 'frozen', ySplit: PIVOT_HEADER_ROW + 1 });
  });

  it('formats Histórico’s dates as dd/mm/yyyy and its collection time as dd/mm/yyyy hh:mm, as real dates', () => {
    const history = sheet('Histórico');
    const row = history.getRow(2);
    expect(row.getCell(1).value).toBeInstanceOf(Date);
    expect(row.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(14).numFmt).toBe('dd/mm/yyyy hh:mm');
  });
});
