// A cohort's `Gráficos` tab in Sheets: the native charts are drawn at the one chart size the layout keeps
// rows for, so at Sheets' 21-pixel rows no chart covers the next one or the data blocks below.

import { buildCohortCharts } from '../../src/core/report/charts';
import { CHART_SIZE_PX, DEFAULT_ROW_PX } from '../../src/core/workbook/chart-frame';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { createAppsScriptEnv } from '../../testkit/fakes';
import { FAKE_CHARTS } from '../../testkit/fakes/charts';
import { A, config, SCENARIO } from '../core/report/fixtures';

describe('the Gráficos tab in Sheets', () => {
  it('draws every chart at CHART_SIZE_PX from its anchor row, none covering another or the data below', () => {
    Object.assign(globalThis, { Charts: FAKE_CHARTS });
    const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
    const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
    const sheet = buildCohortCharts(SCENARIO, A, config());
    workbook.writeSheet(sheet.sheetName, { rows: sheet.table, headerRow: sheet.headerRow, charts: sheet.charts });

    const charts = env.spreadsheet.gas().getSheetByName(sheet.sheetName)!.getCharts();
    expect(charts).toHaveLength(3);
    // Rows above the data are empty, so Sheets draws them at its default height (1-based anchor rows).
    const boxes = charts.map((chart) => {
      const options = chart.getOptions();
      expect([options.get('width'), options.get('height')]).toEqual([CHART_SIZE_PX.width, CHART_SIZE_PX.height]);
      const top = (chart.getContainerInfo().getAnchorRow() - 1) * DEFAULT_ROW_PX.sheets;
      return { top, bottom: top + Number(options.get('height')) };
    });
    const dataTop = sheet.headerRow * DEFAULT_ROW_PX.sheets;
    boxes.forEach((box, index) => {
      for (const other of boxes.slice(index + 1)) expect(box.bottom <= other.top || other.bottom <= box.top).toBe(true);
      expect(box.bottom).toBeLessThanOrEqual(dataTop);
    });
  });
});
