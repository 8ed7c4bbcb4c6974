// Native charts are found by a stored id (developer metadata on their sheet), not by their title:
// a renamed title updates the same chart, a person's own chart stays, an old version's charts are adopted.

import { createAppsScriptEnv } from '../fakes';
import { FAKE_CHARTS } from '../fakes/charts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import type { ChartSpec } from '../../src/core/report/report-specs';

const rows = [['Semana', 'Mediana (%)'], [1, 10], [2, 20]];
const spec = (id: string, title: string, row = 0): ChartSpec => ({
  id, title, kind: 'line', xTitle: 'Semana', yTitle: '%', range: { row: 0, column: 0, rows: 3, columns: 2 }, series: [{ name: 'Mediana (%)' }], position: { row, column: 3 },
});

function setup() {
  Object.assign(globalThis, { Charts: FAKE_CHARTS });
  const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
  const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
  const sheet = () => env.spreadsheet.gas().getSheetByName('Gráficos')!;
  const charts = () => sheet().getCharts().map((chart) => ({ id: chart.getChartId(), title: String(chart.getOptions().get('title')) }));
  return { env, workbook, sheet, charts };
}

describe('charts by identity', () => {
  it('updates the same chart when its title changes, never duplicating it', () => {
    const { workbook, charts } = setup();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso da turma Turma 2026-09'), spec('situations', 'Situações', 20)] });
    const [first, second] = charts();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso da turma Setembro'), spec('situations', 'Situações', 20)] });
    expect(charts()).toEqual([{ id: first.id, title: 'Progresso da turma Setembro' }, second]);
  });

  it("keeps a person's own chart, recreates one deleted by hand once, and drops ours no longer produced", () => {
    const { workbook, sheet, charts } = setup();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)] });
    const mine = sheet().newChart().setChartType(FAKE_CHARTS.ChartType.COLUMN as unknown as GoogleAppsScript.Charts.ChartType).addRange(sheet().getRange(1, 1, 3, 2)).setPosition(40, 1, 0, 0).setOption('title', 'Progresso').build();
    sheet().insertChart(mine);
    const personal = charts().at(-1)!;
    sheet().removeChart(sheet().getCharts()[0]);
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)] });
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)] });
    expect(charts().filter((chart) => chart.title === 'Progresso')).toHaveLength(2);
    expect(charts()).toContainEqual(personal);
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso')] });
    expect(charts().map((chart) => chart.title).sort()).toEqual(['Progresso', 'Progresso']);
    expect(sheet().getDeveloperMetadata().map((item) => item.getKey())).toEqual(['cademi.chart.progress']);
  });

  it("adopts the previous version's charts (no records yet) by title, once", () => {
    const { workbook, sheet, charts } = setup();
    workbook.writeSheet('Gráficos', { rows });
    for (const title of ['Progresso', 'Antigo']) {
      sheet().insertChart(sheet().newChart().setChartType(FAKE_CHARTS.ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType).addRange(sheet().getRange(1, 1, 3, 2)).setPosition(1, 4, 0, 0).setOption('title', title).build());
    }
    const adopted = charts()[0];
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso')] });
    expect(charts()).toEqual([adopted]);
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso renomeado')] });
    expect(charts()).toEqual([{ id: adopted.id, title: 'Progresso renomeado' }]);
  });
});
