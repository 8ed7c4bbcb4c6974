import type { GoalTrack } from '../../../src/core/model/goals';
import { AT_RISK_SHARE, buildOverview, OVERVIEW_HEADERS } from '../../../src/core/report/overview';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import type { ChartSpec } from '../../../src/core/workbook/sheet-specs';
import type { Cell } from '../../../src/core/workbook/workbook';
import { A, B, cohort, config, LINEAR, SCENARIO, studentWeek, W0, W2, W3 } from './fixtures';

/** The cells a chart reads. */
function block(table: Cell[][], chart: ChartSpec): Cell[][] {
  const { row, column, rows, columns } = chart.range;
  return table.slice(row, row + rows).map((line) => line.slice(column, column + columns));
}

describe('buildOverview', () => {
  const overview = buildOverview(SCENARIO, config(), { contactCount: 7 });
  const headerRow = overview.headerRow;

  it('summarizes each cohort from its current students, numbers with fixed decimals', () => {
    expect(overview.sheetName).toBe('Resumo');
    expect(overview.rows).toEqual([
      [...OVERVIEW_HEADERS],
      // Ana 35, Bruno 18, Carla 5, Fábio 50: mean 27, median 26.5; 2 of 4 Em dia; 1 of 4 at risk; change of Ana 10, Bruno 8, Carla 0.
      ['A', 'ana.tutora@escola.br', serialOfLocalDate(W0), 3, 4, 27, 26.5, 30, 50, 1, 25, 1, 6],
      // Davi alone, no goal: no expected value and no share on track.
      ['B', 'beto@escola.br', serialOfLocalDate(W2), 1, 1, 21, 21, null, null, 1, 100, 0, 1],
    ]);
    expect(overview.table.slice(headerRow, headerRow + 3).map((line) => line.slice(0, OVERVIEW_HEADERS.length))).toEqual(overview.rows);
    const format = (header: (typeof OVERVIEW_HEADERS)[number]) => overview.columnFormats[OVERVIEW_HEADERS.indexOf(header)];
    expect(overview.columnFormats).toHaveLength(OVERVIEW_HEADERS.length);
    expect(format('Início')).toBe('dd/mm/yyyy');
    expect(format('Alunos ativos')).toBe('#,##0');
    expect(format('Progresso médio (%)')).toBe('#,##0.0');
    expect(format('% em risco')).toBe('#,##0.0');
    expect(format('Variação na semana (pontos)')).toBe('+#,##0.0;-#,##0.0;0.0');
    expect(OVERVIEW_HEADERS.join(' ')).not.toMatch(/pp|Δ/);
  });

  it('opens with the headline: last update, students to contact, at risk and dropouts, cohorts without a goal, the colours', () => {
    expect(headerRow).toBe(4);
    expect(overview.table.slice(0, headerRow).map((line) => line[0])).toEqual([
      'Resumo das turmas · atualizado em 23/03/2026 09:00',
      '7 alunos para contatar esta semana (aba Contatos da semana) · 2 em risco · 1 desistente',
      'Sem meta, alertas de ritmo não disparam: B. Escolha a Meta na aba Turmas.',
      'Cores das linhas: vermelho com 20% ou mais dos alunos ativos em risco, amarelo a partir de 10%.',
    ]);
    expect(overview.rowStyles.filter((style) => style.row < headerRow).map((style) => style.row)).toEqual([0, 1, 2, 3]);
    expect(overview.rowStyles.find((style) => style.row === 0)).toMatchObject({ bold: true });
  });

  it('counts only active cohorts in the headline and flags a goal missing from Metas too', () => {
    const old = cohort({ name: 'Antiga', active: false, goalTrack: null, sheetRow: 3 });
    const lost = { ...A, goalTrack: 'Apagada' };
    const rows = [...SCENARIO, ...studentWeek(8, { week: W3, cohort: 'Antiga', progress: [0, 0], situation: 'Em risco', absent: 40 })];
    const result = buildOverview(rows, config([lost, B, old]), { contactCount: 1 });
    expect(result.table[1][0]).toBe('1 aluno para contatar esta semana (aba Contatos da semana) · 2 em risco · 1 desistente');
    expect(result.table[2][0]).toBe('Sem meta, alertas de ritmo não disparam: A, B. Escolha a Meta na aba Turmas.');
    expect(result.table[0][0]).toMatch(/^Resumo das turmas · atualizado em \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  });

  it('leaves out the no-goal line when every active cohort has a goal', () => {
    const result = buildOverview(SCENARIO, config([A]), { contactCount: 0 });
    expect(result.headerRow).toBe(3);
    expect(result.table.slice(0, 3).map((line) => line[0])).not.toContainEqual(expect.stringMatching(/Sem meta/));
    expect(result.table[1][0]).toBe('0 alunos para contatar esta semana (aba Contatos da semana) · 1 em risco · 1 desistente');
  });

  it('colours each cohort row by its share of active students at risk: red from 20%, yellow from 10%, none below', () => {
    const students = (count: number, atRisk: number) =>
      Array.from({ length: count }, (_, index) =>
        studentWeek(100 + index, { week: W0, cohort: 'C', progress: [0, 0], situation: index < atRisk ? 'Em risco' : 'Em dia', absent: 1 }),
      ).flat();
    const cohorts = ['C', 'D', 'E'].map((name, index) => cohort({ name, tagId: 10 + index, sheetRow: index + 1 }));
    const rows = [
      ...students(10, 2),
      ...students(10, 1).map((row) => ({ ...row, cohort: 'D', studentId: Number(row.studentId) + 100 })),
      ...students(11, 1).map((row) => ({ ...row, cohort: 'E', studentId: Number(row.studentId) + 200 })),
    ];
    const result = buildOverview(rows, config(cohorts), { contactCount: 0 });
    const rowOf = (index: number) => result.headerRow + 1 + index;
    const background = (index: number) => result.rowStyles.find((style) => style.row === rowOf(index))?.background;
    expect(AT_RISK_SHARE).toEqual({ high: 20, watch: 10 });
    expect(result.rows.slice(1).map((row) => row[OVERVIEW_HEADERS.indexOf('% em risco')])).toEqual([20, 10, 9.1]);
    expect([background(0), background(1), background(2)]).toEqual(['#f4c7c3', '#fce8b2', undefined]);
  });

  it('compares cohorts by weeks since their start with the expected curve, in hidden columns right of the table', () => {
    const [chart] = overview.charts;
    expect(chart).toMatchObject({ id: 'cohorts-by-week', kind: 'line' });
    expect(chart.series).toEqual([{ name: 'A' }, { name: 'B' }, { name: 'Esperado: Linear', dashed: true, color: '#5f6368' }]);
    expect(block(overview.table, chart)).toEqual([
      ['Semana da turma', 'A', 'B', 'Esperado: Linear'],
      ['Semana 0', 0, 20, 0],
      ['Semana 1', 8.8, 21, 10],
      ['Semana 2', 23.3, null, 20],
      ['Semana 3', 27, null, 30],
    ]);
    // Not in the table's way: right of it past a gap, every column of the block hidden, the chart under the table.
    expect(chart.range.row).toBe(headerRow);
    expect(chart.range.column).toBeGreaterThan(OVERVIEW_HEADERS.length);
    expect(overview.hiddenColumns).toEqual(Array.from({ length: chart.range.columns }, (_, offset) => chart.range.column + offset));
    expect(overview.table.slice(headerRow).every((line) => line.slice(OVERVIEW_HEADERS.length, chart.range.column).every((cell) => cell === null))).toBe(true);
    expect(chart.position).toEqual({ row: headerRow + 3 + 1, column: 0 });
    expect(new Set(overview.table.map((line) => line.length)).size).toBe(1);
  });

  it('draws one expected curve per goal track the plotted cohorts use', () => {
    const fast: GoalTrack = { name: 'Rápida', points: [{ week: 2, expected: 100 }] };
    const rapid = cohort({ name: 'R', tagId: 9, goalTrack: 'Rápida', sheetRow: 3 });
    const rows = [...SCENARIO, ...studentWeek(9, { week: W0, cohort: 'R', progress: [50, 50], situation: 'Em dia', absent: 1 })];
    const result = buildOverview(
      rows,
      {
        ...config([A, B, rapid]),
        goalTracks: new Map([
          [LINEAR.name, LINEAR],
          [fast.name, fast],
        ]),
      },
      { contactCount: 0 },
    );
    const [chart] = result.charts;
    expect(chart.series.filter((series) => series.dashed).map((series) => series.name)).toEqual(['Esperado: Linear', 'Esperado: Rápida']);
    expect(block(result.table, chart).map((line) => line[line.length - 1])).toEqual(['Esperado: Rápida', 0, 50, 100, 100]);
  });

  it('lists active cohorts first and keeps a cohort without rows (and out of the chart)', () => {
    const old = cohort({ name: 'Antiga', active: false, sheetRow: 1 });
    const fresh = cohort({ name: 'Nova', sheetRow: 4 });
    const result = buildOverview(SCENARIO, config([old, A, fresh]), { contactCount: 0 });
    expect(result.rows.map((row) => row[0])).toEqual(['Turma', 'A', 'Nova', 'Antiga']);
    expect(result.rows[2]).toEqual(['Nova', 'ana.tutora@escola.br', serialOfLocalDate(W0), null, 0, null, null, null, null, 0, null, 0, null]);
    expect(result.charts[0].series.map((series) => series.name)).toEqual(['A', 'Esperado: Linear']);
  });

  it('is the headline and the headers only before the first run', () => {
    const empty = buildOverview([], config([B]), { contactCount: 0 });
    expect(empty.table[0][0]).toBe('Resumo das turmas · ainda sem coleta');
    expect(empty.charts[0].range.rows).toBe(1);
    expect(empty.rows).toHaveLength(2);
  });
});
