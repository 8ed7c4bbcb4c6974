// The Apps Script bundle over spreadsheets people edit: a renamed `Histórico` found by its developer
// metadata, a deleted one stopping the run (a `Falhou` row, nothing written), and a cohort renamed
// in `Turmas` or through the sidebar taking its history, sheets and native charts along.

import { PIVOT_HEADER_ROW } from '../../src/core/report/pivot';
import { readHistoryRows } from '../../src/core/report/report-sheets';
import { SHEET } from '../../src/core/sheets';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient as sidebar } from '../support/sidebar-client';

const MONDAY = mondayRun('2026-09-14');

/** "Atualizar agora", then ticks until nothing is left to do. */
function runWeek(gas: GasSchool, date: string): void {
  gas.env.time.set(mondayRun(date) - 60_000);
  gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
  gas.env.runTriggersUntil(gas.env.time.now() + 3 * 60 * 60_000, gas.fns);
}

function book(gas: GasSchool): SpreadsheetWorkbook {
  return new SpreadsheetWorkbook(gas.env.spreadsheet.gas());
}

function weeksByCohort(gas: GasSchool): Record<string, string[]> {
  return gas.env.runtime.quietly(() => {
    const byCohort: Record<string, Set<string>> = {};
    for (const row of readHistoryRows(book(gas).readSheet(SHEET.history), 'America/Sao_Paulo')) {
      const weeks = byCohort[row.cohort] ?? new Set<string>();
      weeks.add(row.week);
      byCohort[row.cohort] = weeks;
    }
    return Object.fromEntries(Object.entries(byCohort).map(([cohort, weeks]) => [cohort, [...weeks].sort()]));
  });
}

function sheetNames(gas: GasSchool): string[] {
  return gas.env.spreadsheet.sheets.map((sheet) => sheet.name);
}

function lastRun(gas: GasSchool): { outcome: string; message: string } {
  const rows = gas.env.runtime.quietly(() => book(gas).readSheet(SHEET.runs)!);
  const last = rows[rows.length - 1];
  return { outcome: String(last[4]), message: String(last[12]) };
}

function setCohortName(gas: GasSchool, from: string, to: string): void {
  const turmas = gas.env.spreadsheet.sheet(SHEET.cohorts);
  const row = turmas.dump().findIndex((cells) => cells[0] === from);
  gas.env.runtime.quietly(() =>
    turmas
      .gas()
      .getRange(row + 1, 1)
      .setValue(to),
  );
}

describe('sheets the job owns, edited by people (Apps Script)', () => {
  it('a renamed Histórico is found by its developer metadata and named back; a deleted one stops the run', () => {
    const gas = gasSchool(MONDAY, { studentCount: 60 });
    configure(gas, { cohorts: 2 });
    runWeek(gas, '2026-09-14');
    runWeek(gas, '2026-09-21');
    gas.env.spreadsheet.sheet(SHEET.history).setName('Histórico (não mexer)');
    runWeek(gas, '2026-09-28');
    expect(lastRun(gas).outcome).toBe('Concluída');
    expect(sheetNames(gas)).toContain(SHEET.history);
    expect(sheetNames(gas)).not.toContain('Histórico (não mexer)');
    expect(weeksByCohort(gas)['Turma 2026-07']).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);

    const spreadsheet = gas.env.spreadsheet.gas();
    spreadsheet.deleteSheet(spreadsheet.getSheetByName(SHEET.history)!);
    runWeek(gas, '2026-10-05');
    const failed = lastRun(gas);
    expect(failed.outcome).toBe('Falhou');
    expect(failed.message).toMatch(/a aba "Histórico", criada pelo Progresso Cademi, não existe mais/);
    expect(sheetNames(gas)).not.toContain(SHEET.history); // never silently a new one-week history
  });
});

describe('a renamed cohort keeps its past (Apps Script)', () => {
  it('renamed in Turmas: Histórico, the pivot and the same native charts follow the new name', () => {
    const gas = gasSchool(MONDAY, { studentCount: 60 });
    configure(gas, { cohorts: 2 });
    runWeek(gas, '2026-09-14');
    runWeek(gas, '2026-09-21');
    const chartIds = (name: string) =>
      gas.env.spreadsheet
        .sheet(name)
        .chartSpecs()
        .map((chart) => chart.chartId);
    const before = chartIds('Gráficos Turma 2026-08');
    expect(before).toHaveLength(3);
    const sheetId = gas.env.spreadsheet.sheet('Gráficos Turma 2026-08').id;

    setCohortName(gas, 'Turma 2026-08', 'Turma Noturna');
    runWeek(gas, '2026-09-28');
    expect(lastRun(gas).outcome).toBe('Concluída');
    expect(weeksByCohort(gas)).toEqual({
      'Turma 2026-07': ['2026-09-14', '2026-09-21', '2026-09-28'],
      'Turma Noturna': ['2026-09-14', '2026-09-21', '2026-09-28'],
    });
    expect(sheetNames(gas)).not.toContain('Gráficos Turma 2026-08');
    expect(gas.env.spreadsheet.sheet('Gráficos Turma Noturna').id).toBe(sheetId); // the same sheet, renamed
    expect(chartIds('Gráficos Turma Noturna')).toEqual(before);
    expect(gas.env.spreadsheet.sheet('Gráficos Turma Noturna').chartSpecs()[0].options.title).toBe('Progresso da turma Noturna');
    const pivot = gas.env.spreadsheet.sheet('Turma Noturna').dump().slice(PIVOT_HEADER_ROW);
    for (const week of ['14/09', '21/09', '28/09']) expect(pivot.slice(1).some((row) => typeof row[pivot[0].indexOf(week)] === 'number')).toBe(true);
    const overview = gas.env.spreadsheet
      .sheet('Resumo')
      .dump()
      .map((row) => row[0]);
    expect(overview).toContain('Turma Noturna');
    expect(overview).not.toContain('Turma 2026-08');
  });

  it('renamed from the sidebar: the sheets and the history follow at once', () => {
    const gas = gasSchool(MONDAY, { studentCount: 60 });
    configure(gas, { cohorts: 2 });
    runWeek(gas, '2026-09-14');
    const sheetId = gas.env.spreadsheet.sheet('Turma 2026-07').id;
    const cohort = sidebar(gas)
      .getState()
      .cohorts.find((entry) => entry.name === 'Turma 2026-07')!;
    const input = {
      name: 'Turma Manhã',
      tagId: cohort.tagId,
      start: cohort.start,
      productIds: cohort.productIds,
      goalTrack: cohort.goalTrack,
      tutorEmail: cohort.tutorEmail,
    };
    expect(sidebar(gas).saveCohort(input, 'Turma 2026-07')).toEqual({ ok: true });
    expect(gas.env.spreadsheet.sheet('Turma Manhã').id).toBe(sheetId);
    expect(weeksByCohort(gas)['Turma Manhã']).toEqual(['2026-09-14']);
    expect(weeksByCohort(gas)['Turma 2026-07']).toBeUndefined();
  });
});
