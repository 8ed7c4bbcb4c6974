// A cohort's `Gráficos` tab in the .xlsx, read back from the saved file: each chart picture's box in
// pixels (its anchor row, the rows' heights above it, its own size) overlaps no other picture and ends
// above the data blocks, with the real renderer's pictures.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { buildCohortCharts } from '../../src/core/report/charts';
import { CHART_SIZE_PX, DEFAULT_ROW_PX } from '../../src/core/workbook/chart-frame';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { A, config, SCENARIO } from '../core/report/fixtures';

const TEMP = mkdtempSync(join(tmpdir(), 'cademi-chart-layout-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

/** EMUs per pixel at 96 dpi (ECMA-376's drawing unit). */
const EMU_PER_PX = 9525;
const PX_PER_PT = 96 / 72;

/** Pixels from the sheet's top to the top of 0-based row `row`: each row at its written height, else the default. */
function rowTopPx(sheet: ExcelJS.Worksheet, row: number): number {
  let top = 0;
  for (let above = 1; above <= row; above++) {
    const height = sheet.getRow(above).height;
    top += height ? height * PX_PER_PT : DEFAULT_ROW_PX.xlsx;
  }
  return top;
}

describe('the Gráficos tab in the .xlsx', () => {
  it('places each chart picture where it covers no other picture and ends above the data blocks', async () => {
    const sheet = buildCohortCharts(SCENARIO, A, config());
    const book = XlsxWorkbook.empty();
    book.writeSheet(sheet.sheetName, { rows: sheet.table, headerRow: sheet.headerRow, rowStyles: sheet.rowStyles, charts: sheet.charts });
    const path = join(TEMP, 'charts.xlsx');
    await book.save(path);
    expect(book.chartImageFailures).toEqual([]);

    const saved = (await XlsxWorkbook.load(path)).book.getWorksheet(sheet.sheetName)!;
    const boxes = saved.getImages().map(({ range }) => {
      const { tl, ext } = range as unknown as { tl: { nativeRow: number; nativeRowOff: number }; ext: { width: number; height: number } };
      const top = rowTopPx(saved, tl.nativeRow) + tl.nativeRowOff / EMU_PER_PX;
      return { top, bottom: top + ext.height, width: ext.width, height: ext.height };
    });
    expect(boxes).toHaveLength(3);
    for (const box of boxes) expect({ width: box.width, height: box.height }).toEqual(CHART_SIZE_PX);
    // The caption row sits right above the data blocks' header: no picture reaches it.
    const dataTop = rowTopPx(saved, sheet.headerRow - 1);
    boxes.forEach((box, index) => {
      for (const other of boxes.slice(index + 1)) expect(box.bottom <= other.top || other.bottom <= box.top).toBe(true);
      expect(box.bottom).toBeLessThanOrEqual(dataTop);
    });
  });
});
