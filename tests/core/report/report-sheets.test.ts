import { cohortKeyOf, cohortSheetKeys } from '../../../src/core/identity/cohort-sheets';
import { PIVOT_HEADER_ROW, PIVOT_HEADERS } from '../../../src/core/report/pivot';
import { buildReportSheets, writeReports } from '../../../src/core/report/report-sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import { A, B, cohort, config, SCENARIO } from './fixtures';

describe('the report sheets as the hosts write them', () => {
  it("states in Resumo's headline exactly the number of students Contatos da semana lists", () => {
    const workbook = new MemoryWorkbook();
    const { contacts } = writeReports(workbook, config(), SCENARIO);
    expect(contacts.entries.length).toBeGreaterThan(0);
    const resumo = workbook.readSheet('Resumo')!;
    expect(resumo[1][0]).toMatch(new RegExp(`^${contacts.entries.length} alunos? para contatar esta semana`));
  });

  it('writes title rows above each header, with the header row, frozen rows and styles the hosts need', () => {
    const sheets = new Map(buildReportSheets(SCENARIO, config(), null).map((sheet) => [sheet.name, sheet.content]));
    const resumo = sheets.get('Resumo')!;
    expect(resumo.headerRow).toBe(4);
    expect(resumo.rows[4][0]).toBe('Turma');
    expect(resumo.frozenRows).toBe(5);
    expect(resumo.hiddenColumns?.length).toBeGreaterThan(0);
    expect(resumo.charts?.[0].range.column).toBe(resumo.hiddenColumns?.[0]);

    const pivot = sheets.get('Turma A')!;
    expect(pivot.headerRow).toBe(PIVOT_HEADER_ROW);
    expect(pivot.rows[PIVOT_HEADER_ROW].slice(0, PIVOT_HEADERS.length)).toEqual([...PIVOT_HEADERS]);
    expect(pivot.frozenRows).toBe(PIVOT_HEADER_ROW + 1);
    // Eva, the dropout, is the pivot's last student: greyed on her own sheet row.
    expect(pivot.mutedRows).toEqual([pivot.rows.length - 1]);
    expect(pivot.rows[pivot.rows.length - 1][0]).toBe('Eva');
    expect(pivot.rowStyles?.map((style) => style.row)).toEqual([0, 1]);

    const charts = sheets.get('Gráficos A')!;
    expect(charts.rows[charts.headerRow!][0]).toBe('Semana');
    for (const chart of charts.charts ?? []) expect(chart.position.row).toBeLessThan(charts.headerRow!);
  });

  it('renames the earlier "Turma Turma …" tab of a cohort named "Turma …" by its identity, keeping the sheet', () => {
    const named = cohort({ name: 'Turma 2026-09', id: 't0000001' });
    const rows = SCENARIO.filter((row) => row.cohort === 'A').map((row) => ({ ...row, cohort: 'Turma 2026-09' }));
    const workbook = new MemoryWorkbook();
    const keys = cohortSheetKeys(cohortKeyOf(named));
    // As the previous version left it: the doubled name, tagged with the cohort's key.
    workbook.writeSheet('Turma Turma 2026-09', { rows: [['velha']] });
    workbook.setSheetIdentity('Turma Turma 2026-09', keys.pivot);
    workbook.writeSheet('Gráficos Turma 2026-09', { rows: [['velha']] });
    workbook.setSheetIdentity('Gráficos Turma 2026-09', keys.charts);
    writeReports(workbook, config([named, B]), rows);
    expect(workbook.sheetNames()).toContain('Turma 2026-09');
    expect(workbook.sheetNames()).not.toContain('Turma Turma 2026-09');
    expect(workbook.sheetIdentities().get(keys.pivot)).toEqual(['Turma 2026-09']);
    expect(workbook.sheetIdentities().get(keys.charts)).toEqual(['Gráficos Turma 2026-09']);
    expect(workbook.readSheet('Turma 2026-09')![0][0]).toMatch(/^Turma 2026-09 · /);
  });

  it('keeps a person’s sheet named like the new pivot tab, and writes ours where it was', () => {
    const named = cohort({ name: 'Turma 2026-09', id: 't0000002' });
    const rows = SCENARIO.filter((row) => row.cohort === 'A').map((row) => ({ ...row, cohort: 'Turma 2026-09' }));
    const workbook = new MemoryWorkbook();
    const keys = cohortSheetKeys(cohortKeyOf(named));
    workbook.writeSheet('Turma Turma 2026-09', { rows: [['velha']] });
    workbook.setSheetIdentity('Turma Turma 2026-09', keys.pivot);
    workbook.writeSheet('Turma 2026-09', { rows: [['minhas notas']] });
    writeReports(workbook, config([named, A]), rows);
    expect(workbook.readSheet('Turma 2026-09')).toEqual([['minhas notas']]);
    expect(workbook.readSheet('Turma Turma 2026-09')![PIVOT_HEADER_ROW][0]).toBe('Aluno');
  });
});
