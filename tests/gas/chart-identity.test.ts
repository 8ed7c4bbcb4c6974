// Native charts are found by a stored id (developer metadata on their sheet), not by their title:
// a renamed title updates the same chart, a person's own chart stays, an old version's charts are adopted.

import type { SchoolConfig } from '../../src/core/config/load-config';
import type { CohortConfig } from '../../src/core/model/cohort';
import { buildCohortCharts } from '../../src/core/report/charts';
import type { ChartSpec } from '../../src/core/workbook/sheet-specs';
import { CHART_RECORD_PREFIX } from '../../src/gas/native-charts';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { createAppsScriptEnv } from '../../testkit/fakes';
import { FAKE_CHARTS } from '../../testkit/fakes/charts';

const rows = [
  ['Semana', 'Mediana (%)'],
  [1, 10],
  [2, 20],
];
const spec = (id: string, title: string, row = 0): ChartSpec => ({
  id,
  title,
  kind: 'line',
  xTitle: 'Semana',
  yTitle: '%',
  range: { row: 0, column: 0, rows: 3, columns: 2 },
  series: [{ name: 'Mediana (%)' }],
  position: { row, column: 3 },
});
const LINE = FAKE_CHARTS.ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType;

function setup() {
  Object.assign(globalThis, { Charts: FAKE_CHARTS });
  const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
  const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
  const sheet = () => env.spreadsheet.gas().getSheetByName('Gráficos')!;
  const charts = () =>
    sheet()
      .getCharts()
      .map((chart) => ({ id: chart.getChartId(), title: String(chart.getOptions().get('title')) }));
  /** Our records, spec id → chart id. */
  const records = () =>
    Object.fromEntries(
      sheet()
        .getDeveloperMetadata()
        .filter((item) => item.getKey().startsWith(CHART_RECORD_PREFIX))
        .map((item) => [item.getKey().slice(CHART_RECORD_PREFIX.length), Number(item.getValue())]),
    );
  /** A chart the way a person (or the previous version) puts one on the sheet: no record of ours. */
  const handMade = (title: string, row: number, column: number) =>
    sheet().insertChart(
      sheet()
        .newChart()
        .setChartType(LINE)
        .addRange(sheet().getRange(1, 1, 3, 2))
        .setPosition(row, column, 0, 0)
        .setOption('title', title)
        .build(),
    );
  return { env, workbook, sheet, charts, records, handMade };
}

describe('charts by identity', () => {
  it('updates the same chart when its title changes, never duplicating it', () => {
    const { workbook, charts, records } = setup();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso da turma Turma 2026-09'), spec('situations', 'Situações', 20)] });
    const [first, second] = charts();
    expect(records()).toEqual({ progress: first.id, situations: second.id });
    for (let run = 0; run < 2; run++)
      workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso da turma Setembro'), spec('situations', 'Situações', 20)] });
    expect(charts()).toEqual([{ id: first.id, title: 'Progresso da turma Setembro' }, second]);
    expect(records()).toEqual({ progress: first.id, situations: second.id });
  });

  it('a renamed cohort keeps its charts: the spec ids do not depend on the display name', () => {
    const { workbook, charts } = setup();
    const config = { goalTracks: new Map(), cohorts: [] } as unknown as SchoolConfig;
    const cohort = (name: string): CohortConfig => ({
      name,
      tagId: 7,
      start: '2026-09-07',
      productIds: [1],
      goalTrack: null,
      tutorEmail: null,
      active: true,
      sheetRow: 1,
    });
    const before = buildCohortCharts([], cohort('Turma 2026-09'), config);
    const after = buildCohortCharts([], cohort('Setembro 2026'), config);
    expect(after.charts.map((chart) => chart.id)).toEqual(before.charts.map((chart) => chart.id));
    workbook.writeSheet('Gráficos', { rows: before.table, charts: before.charts });
    const ids = charts().map((chart) => chart.id);
    workbook.writeSheet('Gráficos', { rows: after.table, charts: after.charts });
    expect(charts().map((chart) => chart.id)).toEqual(ids);
    expect(charts().map((chart) => chart.title)).toEqual(after.charts.map((chart) => chart.title));
  });

  it("keeps a person's own chart, recreates one deleted by hand once, and drops ours no longer produced", () => {
    const { workbook, sheet, charts, records, handMade } = setup();
    const both = [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)];
    workbook.writeSheet('Gráficos', { rows, charts: both });
    handMade('Progresso', 40, 1); // a person's copy, with our title
    const personal = charts().at(-1)!;
    const situations = records().situations;
    sheet().removeChart(sheet().getCharts()[0]); // ours, deleted by hand
    workbook.writeSheet('Gráficos', { rows, charts: both });
    const recreated = records().progress;
    workbook.writeSheet('Gráficos', { rows, charts: both });
    expect(records()).toEqual({ progress: recreated, situations });
    expect(charts()).toHaveLength(3);
    expect(charts()).toContainEqual(personal);
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso')] });
    expect(
      charts()
        .map((chart) => chart.id)
        .sort(),
    ).toEqual([personal.id, recreated].sort());
    expect(records()).toEqual({ progress: recreated });
    workbook.writeSheet('Gráficos', { rows, charts: [] });
    expect(charts()).toEqual([personal]);
    expect(records()).toEqual({});
  });

  it("adopts the previous version's charts (no records yet) by title, once, and leaves the rest alone", () => {
    const { workbook, charts, records, handMade } = setup();
    workbook.writeSheet('Gráficos', { rows });
    handMade('Progresso', 5, 9); // moved by someone: still adopted by its title
    handMade('Gráfico da coordenação', 1, 4);
    const [adopted, other] = charts();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso')] });
    expect(charts()).toEqual([adopted, other]);
    expect(records()).toEqual({ progress: adopted.id });
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso renomeado')] });
    expect(charts()).toEqual([{ id: adopted.id, title: 'Progresso renomeado' }, other]);
  });

  it('an execution killed at any call leaves no duplicate: the next run finishes with exactly our charts, recorded', () => {
    const specs = [spec('progress', 'Progresso'), spec('situations', 'Situações', 20), spec('distribution', 'Distribuição', 40)];
    const scene = () => {
      const school = setup();
      school.workbook.writeSheet('Gráficos', { rows });
      school.handMade('Progresso', 1, 4); // the previous version's
      school.handMade('Meu gráfico', 60, 1); // a person's
      return school;
    };
    const whole = scene();
    const start = whole.env.killSwitch.count;
    whole.workbook.writeSheet('Gráficos', { rows, charts: specs });
    const calls = whole.env.killSwitch.count - start;
    expect(calls).toBeGreaterThan(30);
    for (let killAfter = 0; killAfter < calls; killAfter++) {
      const { env, workbook, charts, records } = scene();
      const [legacy, personal] = charts();
      env.killSwitch.killAfter(killAfter);
      expect(() => workbook.writeSheet('Gráficos', { rows, charts: specs })).toThrow('Exceeded maximum execution time');
      env.killSwitch.reset();
      workbook.writeSheet('Gráficos', { rows, charts: specs.map((item) => ({ ...item, title: `${item.title} (nova)` })) });
      const ours = charts().filter((chart) => chart.id !== personal.id);
      expect(charts()).toContainEqual(personal);
      expect(ours.map((chart) => chart.title)).toEqual(['Progresso (nova)', 'Situações (nova)', 'Distribuição (nova)']);
      expect(ours[0].id).toBe(legacy.id);
      expect(records()).toEqual({ progress: ours[0].id, situations: ours[1].id, distribution: ours[2].id });
    }
  });

  it('reads the metadata once per sheet and refuses two charts with one id', () => {
    const { env, workbook } = setup();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)] });
    env.runtime.resetCalls();
    workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)] });
    expect(env.calls('Sheet.getDeveloperMetadata')).toEqual({ 'Sheet.getDeveloperMetadata': 1 });
    expect(env.calls('Sheet.getCharts')).toEqual({ 'Sheet.getCharts': 1 });
    expect(env.calls('Sheet.addDeveloperMetadata')).toEqual({});
    expect(() => workbook.writeSheet('Gráficos', { rows, charts: [spec('progress', 'A'), spec('progress', 'B', 20)] })).toThrow('share the id "progress"');
  });
  it('updates only the charts whose spec changed; one edited by hand is put back', () => {
    const { env, workbook, sheet } = setup();
    const specs = [spec('progress', 'Progresso'), spec('situations', 'Situações', 20)];
    workbook.writeSheet('Gráficos', { rows, charts: specs });
    const before = sheet()
      .getCharts()
      .map((chart) => JSON.stringify({ ranges: chart.getRanges().map((range) => range.getA1Notation()), title: chart.getOptions().get('title') }));
    env.runtime.resetCalls();
    // The same week again: every chart already is its spec.
    workbook.writeSheet('Gráficos', { rows, charts: specs });
    expect(env.calls('Sheet.updateChart')).toEqual({});
    // A week more: the progress block grows by a row, the situations chart's block stays.
    const grown = [...rows, [3, 30]];
    workbook.writeSheet('Gráficos', { rows: grown, charts: [{ ...specs[0], range: { ...specs[0].range, rows: 4 } }, specs[1]] });
    expect(env.calls('Sheet.updateChart')).toEqual({ 'Sheet.updateChart': 1 });
    expect(sheet().getCharts()[0].getRanges()[0].getA1Notation()).toBe('A1:B4');
    // A person turns the situations chart into a column chart: the next run puts it back.
    const situations = sheet().getCharts()[1];
    sheet().updateChart(
      situations
        .modify()
        .setChartType(FAKE_CHARTS.ChartType.COLUMN as unknown as GoogleAppsScript.Charts.ChartType)
        .build(),
    );
    env.runtime.resetCalls();
    workbook.writeSheet('Gráficos', { rows: grown, charts: [{ ...specs[0], range: { ...specs[0].range, rows: 4 } }, specs[1]] });
    expect(env.calls('Sheet.updateChart')).toEqual({ 'Sheet.updateChart': 1 });
    expect(String(sheet().getCharts()[1].modify().getChartType())).toBe(String(LINE));
    expect(
      JSON.stringify({
        ranges: sheet()
          .getCharts()[1]
          .getRanges()
          .map((range) => range.getA1Notation()),
        title: 'Situações',
      }),
    ).toBe(before[1]);
  });
});
