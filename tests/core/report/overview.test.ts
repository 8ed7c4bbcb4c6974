import { buildOverview, OVERVIEW_HEADERS } from '../../../src/core/report/overview';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import type { Cell } from '../../../src/core/workbook/workbook';
import { A, B, cohort, config, SCENARIO, W0, W2 } from './fixtures';

describe('buildOverview', () => {
  const overview = buildOverview(SCENARIO, config());

  it('summarizes each cohort from its current students', () => {
    expect(overview.sheetName).toBe('Resumo');
    expect(overview.rows).toEqual([
      [...OVERVIEW_HEADERS],
      // Ana 35, Bruno 18, Carla 5, Fábio 50: mean 27, median 26.5; 2 of 4 Em dia; Δ of Ana 10, Bruno 8, Carla 0.
      ['A', serialOfLocalDate(W0), 3, 4, 27, 26.5, 30, 50, 1, 1, 6],
      // Davi alone, no goal: no expected value and no share on track.
      ['B', serialOfLocalDate(W2), 1, 1, 21, 21, null, null, 1, 0, 1],
    ]);
    expect(overview.columnFormats).toHaveLength(OVERVIEW_HEADERS.length);
    expect(overview.columnFormats[1]).toBe('yyyy-mm-dd');
  });

  it('compares cohorts aligned by weeks since their start, beside the summary', () => {
    const [chart] = overview.charts;
    expect(chart).toMatchObject({ id: 'cohorts-by-week', kind: 'line', series: [{ name: 'A' }, { name: 'B' }] });
    const { row, column, rows, columns } = chart.range;
    expect(column).toBe(OVERVIEW_HEADERS.length + 1);
    const cells: Cell[][] = overview.table.slice(row, row + rows).map((line) => line.slice(column, column + columns));
    expect(cells).toEqual([
      ['Semana da turma', 'A', 'B'],
      ['Semana 0', 0, 20],
      ['Semana 1', 8.8, 21],
      ['Semana 2', 23.3, null],
      ['Semana 3', 27, null],
    ]);
    expect(chart.position).toEqual({ row: 4, column: 0 });
    expect(overview.table.slice(0, 3).map((line) => line.slice(0, OVERVIEW_HEADERS.length))).toEqual(overview.rows);
  });

  it('lists active cohorts first and keeps a cohort without rows (and out of the chart)', () => {
    const old = cohort({ name: 'Antiga', active: false, sheetRow: 1 });
    const fresh = cohort({ name: 'Nova', sheetRow: 4 });
    const result = buildOverview(SCENARIO, config([old, A, fresh]));
    expect(result.rows.map((row) => row[0])).toEqual(['Turma', 'A', 'Nova', 'Antiga']);
    expect(result.rows[2]).toEqual(['Nova', serialOfLocalDate(W0), null, 0, null, null, null, null, 0, 0, null]);
    expect(result.charts[0].series).toEqual([{ name: 'A' }]);
  });

  it('is only headers before the first run', () => {
    const empty = buildOverview([], config([B]));
    expect(empty.charts[0].range.rows).toBe(1);
    expect(empty.rows).toHaveLength(2);
  });
});
