// The report sheets as the built bundle writes them into a spreadsheet (the Apps Script fakes): the
// tab order and the sheet it opens on, title rows above the headers, number formats, frozen rows,
// and Resumo's chart drawn from hidden columns (which Sheets' charts skip unless told otherwise).

import { PIVOT_HEADER_ROW, PIVOT_HEADERS } from '../../src/core/report/pivot';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

function runWeek(gas: GasSchool, date: string): void {
  gas.env.time.set(mondayRun(date) - 60_000);
  gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
  gas.env.runTriggersUntil(gas.env.time.now() + 3 * 60 * 60_000, gas.fns);
}

describe('report sheets in Sheets (built bundle over the fakes)', () => {
  let gas: GasSchool;
  const quietly = <T>(read: () => T): T => gas.env.runtime.quietly(read);
  const sheet = (name: string) => quietly(() => gas.env.spreadsheet.gas().getSheetByName(name)!);

  beforeAll(() => {
    gas = gasSchool(mondayRun('2026-09-14'), { studentCount: 60 });
    configure(gas, { cohorts: 2 });
    runWeek(gas, '2026-09-14');
  });

  it('orders the tabs as people use them and opens on Resumo', () => {
    const names = quietly(() =>
      gas.env.spreadsheet
        .gas()
        .getSheets()
        .filter((entry) => !entry.isSheetHidden())
        .map((entry) => entry.getName()),
    );
    // The spreadsheet's own first tab, which nobody asked for, goes after the job's sheets.
    expect(names.filter((name) => name !== 'Página1')).toEqual([
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
    expect(names.indexOf('Página1')).toBeGreaterThan(names.indexOf('Metas'));
    expect(quietly(() => gas.env.spreadsheet.gas().getActiveSheet().getName())).toBe('Resumo');
  });

  it("puts Resumo's headline above the table, freezes through the header and formats dates and numbers", () => {
    const resumo = sheet('Resumo');
    const values = quietly(() => resumo.getDataRange().getValues());
    expect(String(values[0][0])).toMatch(/^Resumo das turmas · atualizado em 14\/09\/2026 \d\d:\d\d$/);
    expect(String(values[1][0])).toMatch(/para contatar esta semana/);
    expect(values[3][0]).toBe('Turma');
    expect(values[4][0]).toBe('Turma 2026-07');
    expect(values[4][2]).toBeInstanceOf(gas.env.runtime.Date); // a real date cell
    expect(quietly(() => resumo.getFrozenRows())).toBe(4);
    expect(quietly(() => resumo.getRange(5, 3).getNumberFormat())).toBe('dd/mm/yyyy');
    expect(quietly(() => resumo.getRange(5, 6).getNumberFormat())).toBe('#,##0.0');
    expect(quietly(() => resumo.getRange(5, 13).getNumberFormat())).toBe('+#,##0.0;-#,##0.0;0.0');
  });

  it("draws Resumo's chart from its hidden data columns, with the expected curve", () => {
    const [chart] = gas.env.spreadsheet.sheet('Resumo').chartSpecs();
    expect(chart.hiddenDimensionStrategy).toBe('SHOW_BOTH');
    const [, firstColumn] = /!([A-Z]+)\d+:/.exec(chart.ranges[0]) ?? [];
    const column = [...(firstColumn ?? '')].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
    expect(column).toBeGreaterThan(13);
    expect(quietly(() => sheet('Resumo').isColumnHiddenByUser(column))).toBe(true);
    const header = quietly(() => sheet('Resumo').getRange(4, column, 1, 4).getValues()[0]);
    expect(header).toEqual(['Semana da turma', 'Turma 2026-07', 'Turma 2026-08', 'Esperado: Padrão']);
  });

  it('titles the pivot, keeps its header under the title and formats the distance to the expected curve', () => {
    const pivot = sheet('Turma 2026-07');
    const values = quietly(() => pivot.getDataRange().getValues());
    expect(String(values[0][0])).toMatch(/^Turma 2026-07 · Tutor: tutora@escola\.com\.br · semana \d+ \(14\/09\/2026\)$/);
    expect(values[PIVOT_HEADER_ROW].slice(0, PIVOT_HEADERS.length)).toEqual([...PIVOT_HEADERS]);
    expect(quietly(() => pivot.getFrozenRows())).toBe(PIVOT_HEADER_ROW + 1);
    const difference = PIVOT_HEADERS.indexOf('Diferença do esperado (pontos)') + 1;
    expect(quietly(() => pivot.getRange(PIVOT_HEADER_ROW + 2, difference).getNumberFormat())).toBe('+#,##0.0;-#,##0.0;0.0');
  });

  it('formats Histórico’s dates as dd/mm/yyyy', () => {
    expect(quietly(() => sheet('Histórico').getRange(2, 1).getNumberFormat())).toBe('dd/mm/yyyy');
    expect(quietly(() => sheet('Histórico').getRange(2, 14).getNumberFormat())).toBe('dd/mm/yyyy hh:mm');
  });
  // Last: it runs the week a second time.
  it('a second run of the week redraws no chart, resizes no column and moves no tab, and leaves every sheet as it was', () => {
    const snapshot = () =>
      quietly(() =>
        gas.env.spreadsheet
          .gas()
          .getSheets()
          .filter((entry) => !entry.isSheetHidden() && entry.getName() !== 'Execuções')
          .map((entry) => ({
            name: entry.getName(),
            widths: Array.from({ length: entry.getLastColumn() }, (_, column) => entry.getColumnWidth(column + 1)),
            charts: entry.getCharts().map((chart) => [chart.getRanges().map((range) => range.getA1Notation()), chart.getOptions().get('title')]),
          })),
      );
    const before = snapshot();
    gas.env.runtime.resetCalls();
    runWeek(gas, '2026-09-14');
    expect(quietly(() => gas.env.properties.document.data.get('cademi.lastCompletedWeek'))).toBe('2026-09-14');
    expect(gas.env.calls('UrlFetchApp.fetchAll')['UrlFetchApp.fetchAll']).toBeGreaterThan(0);
    expect(gas.env.calls('Sheet.updateChart')).toEqual({});
    expect(gas.env.calls('Sheet.setColumnWidths')).toEqual({});
    expect(gas.env.calls('Spreadsheet.moveActiveSheet')).toEqual({});
    expect(snapshot()).toEqual(before);
  });
});
