// The demo end to end: the .xlsx and its HTML preview, opened in headless Chromium. Every cohort has
// a pivot and drawn charts, and the pivot's numbers match Histórico.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pivotSheetName } from '../../src/core/identity/sheet-names';
import { PIVOT_HEADER_ROW } from '../../src/core/report/pivot';
import { SHEET } from '../../src/core/sheets';
import { localDateOfSerial } from '../../src/core/time/local-date';
import { main } from '../../src/node/cli';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { CHROMIUM, itWithTool, launchChromium } from '../support/external-tools';

describe('demo output', () => {
  let dir: string;
  let workbook: XlsxWorkbook;
  const out = () => join(dir, 'demo.xlsx');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cademi-demo-'));
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir };
    expect(await main(['demo', '--weeks', '3', '--first-week', '2026-10-12', '--out', out()], io)).toBe(0);
    workbook = await XlsxWorkbook.load(out());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a pivot and a chart sheet for every cohort with history, plus Resumo and Contatos da semana', () => {
    const cohorts = new Set((workbook.readSheet(SHEET.history) ?? []).slice(1).map((row) => String(row[1])));
    expect(cohorts.size).toBe(4);
    for (const cohort of cohorts) {
      expect(workbook.sheetNames()).toContain(pivotSheetName(cohort));
      expect(workbook.sheetNames()).toContain(`Gráficos ${cohort}`);
    }
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining(['Resumo', 'Contatos da semana']));
  });

  it("the pivot's current progress is each student's mean over the products in the latest week of Histórico", () => {
    const history = (workbook.readSheet(SHEET.history) ?? []).slice(1);
    const cohort = 'Turma 2026-09';
    const latest = Math.max(...history.filter((row) => row[1] === cohort).map((row) => Number(row[0])));
    const pivot = workbook.readSheet(pivotSheetName(cohort))!.slice(PIVOT_HEADER_ROW);
    const header = pivot[0].map(String);
    const [emailAt, progressAt] = [header.indexOf('E-mail'), header.indexOf('Progresso (%)')];
    let checked = 0;
    for (const row of pivot.slice(1)) {
      const rows = history.filter((entry) => entry[1] === cohort && entry[4] === row[emailAt] && entry[0] === latest);
      if (rows.length === 0) continue;
      const mean = rows.reduce((sum, entry) => sum + Number(entry[7]), 0) / rows.length;
      expect(row[progressAt]).toBeCloseTo(mean, 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(localDateOfSerial(latest)).toBe('2026-10-26');
  });

  itWithTool(CHROMIUM, 'opens in Chromium with drawn marks in every chart of every cohort, and saves a screenshot', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`file://${join(dir, 'demo.html')}`);
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((figure) => ({
          id: figure.getAttribute('data-chart-id'),
          section: figure.closest('section')?.querySelector('h2')?.textContent ?? '',
          marks: figure.querySelectorAll('.mark-line path, .mark-rect path, .mark-symbol path').length,
        })),
      );
      const chartSections = charts.filter((chart) => chart.section.startsWith('Gráficos '));
      expect(new Set(chartSections.map((chart) => chart.section)).size).toBe(4);
      expect(chartSections).toHaveLength(4 * 3);
      for (const chart of charts) expect(chart.marks).toBeGreaterThan(0);
      await page.screenshot({ path: join(__dirname, '../../out/demo-preview.png') });
    } finally {
      await browser.close();
    }
  });
});
