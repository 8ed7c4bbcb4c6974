import { buildCohortCharts, CHART_DATA_HEADER_ROW, CHART_HEIGHT_ROWS, PROGRESS_BUCKETS, progressBucket } from '../../../src/core/report/charts';
import { buildCohortPivot } from '../../../src/core/report/pivot';
import { CHART_MARGIN_PX, CHART_SIZE_PX, DEFAULT_ROW_PX } from '../../../src/core/workbook/chart-frame';
import type { ChartSpec } from '../../../src/core/workbook/sheet-specs';
import type { Cell } from '../../../src/core/workbook/workbook';
import { A, B, cohort, config, SCENARIO } from './fixtures';

/** The cells a chart reads. */
function block(table: Cell[][], chart: ChartSpec): Cell[][] {
  const { row, column, rows, columns } = chart.range;
  return table.slice(row, row + rows).map((line) => line.slice(column, column + columns));
}

describe('buildCohortCharts', () => {
  const sheet = buildCohortCharts(SCENARIO, A, config());
  const chart = (id: string) => sheet.charts.find((entry) => entry.id === id)!;

  it('names the sheet and gives the charts stable ids and kinds', () => {
    expect(sheet.sheetName).toBe('Gráficos A');
    expect(sheet.table[0][0]).toBe('Gráficos da turma A · Tutor: ana.tutora@escola.br');
    expect(sheet.charts[0].title).toBe('Progresso da turma A');
    expect(sheet.charts.map((entry) => [entry.id, entry.kind])).toEqual([
      ['progress-curve', 'line'],
      ['situations-by-week', 'stacked-column'],
      ['progress-distribution', 'column'],
    ]);
  });

  it('plots median and mean of everyone recorded that week (dropouts out) against the expected curve', () => {
    expect(block(sheet.table, chart('progress-curve'))).toEqual([
      ['Semana', 'Mediana (%)', 'Média (%)', 'Esperado (%)'],
      ['S0 · 02/03', 0, 0, 0], // Ana 0, Davi 0 (still in A)
      ['S1 · 09/03', 10, 8.8, 10], // 10, 10, 5, 10
      ['S2 · 16/03', 25, 23.3, 20], // 25, 5, 40 (Eva not yet a dropout)
      ['S3 · 23/03', 26.5, 27, 30], // 35, 18, 5, 50 (Eva dropped out)
    ]);
    expect(chart('progress-curve').series).toEqual([
      { name: 'Mediana (%)', color: '#1a73e8' },
      { name: 'Média (%)', color: '#12b5cb' },
      { name: 'Esperado (%)', dashed: true, color: '#5f6368' },
    ]);
  });

  it('counts students per situation and week, one fixed-colour series per situation', () => {
    expect(block(sheet.table, chart('situations-by-week'))).toEqual([
      ['Semana', 'Em risco', 'Atrasado', 'Sem meta', 'Em dia', 'Desistente'],
      ['S0 · 02/03', 0, 0, 0, 2, 0],
      ['S1 · 09/03', 0, 1, 0, 3, 0],
      ['S2 · 16/03', 1, 0, 0, 2, 0],
      ['S3 · 23/03', 1, 1, 0, 2, 1],
    ]);
    expect(chart('situations-by-week').series.map((series) => series.color)).toEqual(['#d93025', '#f9ab00', '#9aa0a6', '#1e8e3e', '#5f6368']);
  });

  it('buckets the current progress of the pivot’s students (dropouts out)', () => {
    const counts = block(sheet.table, chart('progress-distribution'));
    expect(counts[0]).toEqual(['Progresso atual (%)', 'Alunos']);
    expect(counts.slice(1).map((row) => row[0])).toEqual(PROGRESS_BUCKETS);
    expect(counts.slice(1).map((row) => row[1])).toEqual([1, 1, 0, 1, 0, 1, 0, 0, 0, 0]);
    const pivot = buildCohortPivot(SCENARIO, A, config());
    const active = pivot.rows.filter((_, index) => !pivot.dropoutRows.includes(index)).map((row) => row[pivot.header.indexOf('Progresso (%)')] as number);
    const fromPivot = new Array(10).fill(0);
    for (const progress of active) fromPivot[progressBucket(progress)]++;
    expect(counts.slice(1).map((row) => row[1])).toEqual(fromPivot);
  });

  it('puts 100% in the last bucket and bucket bounds at the lower side', () => {
    expect([0, 9.9, 10, 99.9, 100].map(progressBucket)).toEqual([0, 0, 1, 9, 9]);
    expect(PROGRESS_BUCKETS[0]).toBe('0–10');
    expect(PROGRESS_BUCKETS[9]).toBe('90–100');
  });

  it('matches the pivot’s week columns where everyone recorded is still a member', () => {
    // In week 3 the members are everyone recorded but Eva (dropout): the chart mean is the pivot's.
    const pivot = buildCohortPivot(SCENARIO, A, config());
    const week3 = pivot.rows.filter((_, index) => !pivot.dropoutRows.includes(index)).map((row) => row[pivot.header.indexOf('23/03')] as number);
    expect(week3.reduce((a, b) => a + b, 0) / week3.length).toBe(block(sheet.table, chart('progress-curve'))[4][2]);
  });

  it('stacks the charts at the top and lays their data blocks side by side below them, never under a chart', () => {
    const [progress, situations, distribution] = sheet.charts.map((entry) => entry.range);
    const top = CHART_DATA_HEADER_ROW;
    expect(progress).toEqual({ row: top, column: 0, rows: 5, columns: 4 });
    expect(situations).toEqual({ row: top, column: 5, rows: 5, columns: 6 });
    expect(distribution).toEqual({ row: top, column: 12, rows: 11, columns: 2 });
    expect(sheet.charts.map((entry) => entry.position)).toEqual([
      { row: 1, column: 0 },
      { row: 1 + CHART_HEIGHT_ROWS, column: 0 },
      { row: 1 + 2 * CHART_HEIGHT_ROWS, column: 0 },
    ]);
    // Every chart has its rows to itself: the next chart, then the caption and the data, start below it.
    for (const entry of sheet.charts) expect(entry.position.row + CHART_HEIGHT_ROWS).toBeLessThanOrEqual(top - 1);
    expect(sheet.headerRow).toBe(top);
    expect(sheet.table[top - 1][0]).toBe('Dados dos gráficos acima');
    expect(sheet.table.slice(1, top - 1).every((row) => row.every((cell) => cell === null))).toBe(true);
    expect(new Set(sheet.table.map((row) => row.length))).toEqual(new Set([14]));
    for (const entry of sheet.charts) expect(entry.series).toHaveLength(entry.range.columns - 1);
  });

  it.each(Object.entries(DEFAULT_ROW_PX))(
    'leaves every chart its whole picture in %s (rows of %i px): no chart covers another, and all end above the data',
    (_host, rowPx) => {
      // Each chart's box in pixels from its anchor row, at the size both hosts draw it; rows are empty, so of default height.
      const boxes = sheet.charts.map((entry) => ({ top: entry.position.row * rowPx, bottom: entry.position.row * rowPx + CHART_SIZE_PX.height }));
      boxes.forEach((box, index) => {
        for (const other of boxes.slice(index + 1)) expect(box.bottom <= other.top || other.bottom <= box.top).toBe(true);
        // Room for the margin too, before the caption row above the data blocks' header.
        expect(box.bottom + CHART_MARGIN_PX).toBeLessThanOrEqual((sheet.headerRow - 1) * rowPx);
      });
    },
  );

  it('formats the data with fixed decimals (progress) and whole numbers (students)', () => {
    expect(sheet.columnFormats).toEqual([
      undefined,
      '#,##0.0',
      '#,##0.0',
      '#,##0.0',
      undefined,
      undefined,
      '#,##0',
      '#,##0',
      '#,##0',
      '#,##0',
      '#,##0',
      undefined,
      undefined,
      '#,##0',
    ]);
  });

  it('titles a cohort named "Turma …" without saying "turma" twice', () => {
    const named = cohort({ name: 'Turma 2026-09', tutorName: 'Ana Souza' });
    const rows = SCENARIO.map((row) => (row.cohort === 'A' ? { ...row, cohort: 'Turma 2026-09' } : row));
    const result = buildCohortCharts(rows, named, config([named, B]));
    expect(result.sheetName).toBe('Gráficos Turma 2026-09');
    expect(result.table[0][0]).toBe('Gráficos da turma 2026-09 · Tutor: Ana Souza');
    expect(result.charts[0].title).toBe('Progresso da turma 2026-09');
    expect(JSON.stringify(result)).not.toMatch(/turma Turma|Turma Turma/i);
  });

  it('leaves the expected series out for a cohort without a goal, and empty cells for missing weeks', () => {
    const sheetB = buildCohortCharts(SCENARIO, B, config());
    const progress = sheetB.charts[0];
    expect(progress.series.map((series) => series.name)).toEqual(['Mediana (%)', 'Média (%)']);
    expect(block(sheetB.table, progress)).toEqual([
      ['Semana', 'Mediana (%)', 'Média (%)'],
      ['S0 · 16/03', 20, 20],
      ['S1 · 23/03', 21, 21],
    ]);
    const gap = buildCohortCharts(
      SCENARIO.filter((row) => row.week !== '2026-03-09'),
      A,
      config(),
    );
    expect(block(gap.table, gap.charts[0])[2]).toEqual(['S1 · 09/03', null, null, 10]);
    expect(block(gap.table, gap.charts[1])[2]).toEqual(['S1 · 09/03', null, null, null, null, null]);
  });
});
