import { buildCohortPivot, PIVOT_HEADER_ROW, PIVOT_HEADERS } from '../../../src/core/report/pivot';
import type { ConditionalFormatSpec } from '../../../src/core/workbook/sheet-specs';
import { gradientColor } from '../../../src/node/preview/cell-format';
import { A, B, cohort, config, SCENARIO, studentWeek, W0, W1, W2, W3 } from './fixtures';

const DIFFERENCE = PIVOT_HEADERS.indexOf('Diferença do esperado (pontos)');

/** The row without its `Motivo` (situation-reason.ts words it; its own tests check it). */
function withoutReason(row: readonly unknown[]): unknown[] {
  return [...row.slice(0, 3), ...row.slice(4)];
}

function gradients(rules: readonly ConditionalFormatSpec[]) {
  return rules.flatMap((rule) => (rule.kind === 'gradient' ? [rule] : []));
}

describe('buildCohortPivot', () => {
  const pivot = buildCohortPivot(SCENARIO, A, config());
  const byName = (name: string) => pivot.rows.find((row) => row[0] === name)!;

  it('has the fixed columns with plain labels, one per tracked product, then one per week since the start', () => {
    expect(pivot.header).toEqual([...PIVOT_HEADERS, 'Curso 1', 'Curso 2', '02/03', '09/03', '16/03', '23/03']);
    expect(PIVOT_HEADERS.join(' ')).not.toMatch(/\bpp\b|Δ/);
    expect(pivot.sheetName).toBe('Turma A');
    expect(pivot.situationColumn).toBe(2);
    expect(pivot.progressColumns).toEqual([4, 5, 10, 11, 12, 13, 14, 15]);
    expect(pivot.columnFormats).toHaveLength(pivot.header.length);
    expect(pivot.columnFormats.slice(4, 12)).toEqual([
      '#,##0.0',
      '#,##0.0',
      '+#,##0.0;-#,##0.0;0.0',
      '+#,##0.0;-#,##0.0;0.0',
      '#,##0',
      '#,##0',
      '#,##0.0',
      '#,##0.0',
    ]);
    expect(pivot).toMatchObject({ headerRow: PIVOT_HEADER_ROW, frozenRows: PIVOT_HEADER_ROW + 1, frozenColumns: 1, filter: true, archived: false });
    expect(pivot.wrappedColumns).toEqual([PIVOT_HEADERS.indexOf('Motivo')]);
  });

  it('titles the sheet with the cohort, its tutor and its week, and says what the colours mean', () => {
    expect(pivot.titleRows).toEqual([
      ['Turma A · Tutor: ana.tutora@escola.br · semana 3 (23/03/2026)'],
      ['Cores nas semanas e na diferença: distância até o esperado da semana, em pontos (vermelho: 25 ou mais abaixo; branco: no esperado; verde: acima).'],
    ]);
    expect(pivot.titleRows).toHaveLength(PIVOT_HEADER_ROW);
    const named = cohort({ name: 'Turma 2026-09', tutorName: 'Ana Souza' });
    const rows = SCENARIO.map((row) => (row.cohort === 'A' ? { ...row, cohort: 'Turma 2026-09' } : row));
    const other = buildCohortPivot(rows, named, config([named, B]));
    expect(other.sheetName).toBe('Turma 2026-09');
    expect(other.titleRows[0]).toEqual(['Turma 2026-09 · Tutor: Ana Souza · semana 3 (23/03/2026)']);
    expect(buildCohortPivot(SCENARIO, B, config()).titleRows[1][0]).toMatch(/^Turma sem meta/);
    expect(buildCohortPivot([], { ...A, tutorEmail: null }, config()).titleRows[0]).toEqual(['Turma A · sem tutor em Turmas']);
  });

  it('lists students needing attention first, then by difference, dropouts last', () => {
    expect(pivot.rows.map((row) => row[0])).toEqual(['Carla', 'Bruno', 'Ana', 'Fábio', 'Eva']);
    expect(pivot.dropoutRows).toEqual([4]);
  });

  it('computes every figure of a student on pace (rounded to one decimal)', () => {
    expect(byName('Ana')).toEqual(['Ana', 'ana@mail.com', 'Em dia', '', 35, 30, 5, 10, 0, 1, 30, 40, 0, 10, 25, 35]);
  });

  it('leaves a missing week empty and takes the change from the previous recorded week; the difference is negative behind', () => {
    expect(withoutReason(byName('Bruno'))).toEqual(['Bruno', 'bruno@mail.com', 'Atrasado', 18, 30, -12, 8, 0, 3, 16, 20, null, 10, null, 18]);
    expect(byName('Bruno')[3]).not.toBe('');
  });

  it('counts carried (Mantido) weeks as weeks without progress', () => {
    expect(withoutReason(byName('Carla'))).toEqual(['Carla', 'carla@mail.com', 'Em risco', 5, 30, -25, 0, 2, 20, 5, 5, null, 5, 5, 5]);
  });

  it('keeps a dropout with its reason; a first week has no change', () => {
    expect(withoutReason(byName('Eva')).slice(2, 9)).toEqual(['Desistente', 40, 30, 10, 0, 1, 8]);
    expect(byName('Eva')[3]).not.toBe('');
    expect(byName('Fábio').slice(2, 10)).toEqual(['Em dia', '', 50, 30, 20, null, 0, 2]);
  });

  it('computes the difference from the values shown, so it is the one a reader computes', () => {
    const rows = studentWeek(1, { week: W3, progress: [30.04, 30.04], situation: 'Em dia', absent: 1, expected: 30.06 });
    const row = buildCohortPivot(rows, A, config()).rows[0];
    expect([row[4], row[5], row[6]]).toEqual([30, 30.1, -0.1]);
  });

  it('lists a moved student under the new cohort only, with the new cohort weeks only', () => {
    expect(pivot.rows.some((row) => row[0] === 'Davi')).toBe(false);
    const pivotB = buildCohortPivot(SCENARIO, B, config());
    expect(pivotB.header.slice(12)).toEqual(['16/03', '23/03']);
    expect(pivotB.rows.map(withoutReason)).toEqual([['Davi', 'davi@mail.com', 'Em risco', 21, null, null, 1, 0, 30, 20, 22, 20, 21]]);
  });

  it('colours by distance to the expected curve: each week centred on its expected value, the difference on 0', () => {
    const texts = pivot.conditionalFormats.filter((format) => format.kind === 'text-equals');
    expect(texts.map((format) => format.kind === 'text-equals' && format.text)).toEqual(['Em risco', 'Atrasado', 'Sem meta', 'Em dia', 'Desistente']);
    expect(texts.every((format) => format.kind === 'text-equals' && format.column === 2)).toBe(true);
    const desistente = texts.find((format) => format.kind === 'text-equals' && format.text === 'Desistente');
    expect(desistente).toMatchObject({ background: null, fontColor: '#9aa0a6' });
    const scales = gradients(pivot.conditionalFormats);
    const scaleOf = (column: number) => scales.find((rule) => rule.columnRange[0] <= column && column <= rule.columnRange[1]);
    expect(scaleOf(DIFFERENCE)).toEqual({
      kind: 'gradient',
      columnRange: [DIFFERENCE, DIFFERENCE],
      min: { color: '#e67c73', value: -25 },
      mid: { color: '#ffffff', value: 0 },
      max: { color: '#57bb8a', value: 25 },
    });
    // Weeks 0..3 expect 0, 10, 20, 30 (Linear): one scale each, red 25 points below, white on the curve.
    expect([12, 13, 14, 15].map((column) => [scaleOf(column)?.min.value, scaleOf(column)?.mid?.value, scaleOf(column)?.max.value])).toEqual([
      [-25, 0, 25],
      [-15, 10, 35],
      [-5, 20, 45],
      [5, 30, 55],
    ]);
    // Products and the current progress keep their values uncoloured: the difference says it.
    expect([4, 10, 11].map(scaleOf)).toEqual([undefined, undefined, undefined]);
    expect(scaleOf(PIVOT_HEADERS.indexOf('Semanas sem avanço'))?.max.value).toBe(2);
    expect(scaleOf(PIVOT_HEADERS.indexOf('Dias sem acesso'))?.max.value).toBe(14);
  });

  it('does not paint a new cohort red: a student near the curve in its first weeks is near white', () => {
    const fresh = [
      ...studentWeek(1, { week: W0, progress: [0, 0], situation: 'Em dia', absent: 1 }),
      ...studentWeek(1, { week: W1, progress: [8, 8], situation: 'Em dia', absent: 1 }),
    ];
    const result = buildCohortPivot(fresh, A, config());
    const scales = gradients(result.conditionalFormats);
    const colourAt = (column: number, value: number) => {
      const rule = scales.find((entry) => entry.columnRange[0] <= column && column <= entry.columnRange[1])!;
      return gradientColor(value, rule.min, rule.max, rule.mid);
    };
    const week1 = result.header.indexOf('09/03');
    expect(result.rows[0][week1]).toBe(8);
    // 8% against 10% expected: 2 points behind, a pale pink, far from the full red a 0–100 scale gave.
    expect(colourAt(week1, 8)).toBe('#fdf5f4');
    expect(colourAt(week1, 8)).not.toBe('#e67c73');
  });

  it('measures a week against the expected value stored with its rows', () => {
    const rows = [
      ...studentWeek(1, { week: W0, progress: [0, 0], situation: 'Em dia', absent: 1 }),
      ...studentWeek(1, { week: W1, progress: [8, 8], situation: 'Em dia', absent: 1, expected: 15 }),
    ];
    const result = buildCohortPivot(rows, A, config());
    const week1 = result.header.indexOf('09/03');
    const scale = gradients(result.conditionalFormats).find((rule) => rule.columnRange[0] === week1);
    expect(scale?.mid?.value).toBe(15);
  });

  it('gives a cohort without a goal no distance colours (its students are neutral)', () => {
    const pivotB = buildCohortPivot(SCENARIO, B, config());
    const columns = gradients(pivotB.conditionalFormats).map((rule) => rule.columnRange[0]);
    expect(columns).toEqual([PIVOT_HEADERS.indexOf('Semanas sem avanço'), PIVOT_HEADERS.indexOf('Dias sem acesso')]);
  });

  it('marks an archived cohort and keeps the students it had when it stopped', () => {
    const old = cohort({ name: 'Antiga', active: false });
    const rows = [
      ...studentWeek(1, { week: W0, cohort: 'Antiga', progress: [10, 10], situation: 'Em dia', absent: 1 }),
      ...studentWeek(1, { week: W1, cohort: 'Antiga', progress: [20, 20], situation: 'Em dia', absent: 1 }),
      // Moved on after the old cohort stopped: still listed there.
      ...studentWeek(1, { week: W2, progress: [20, 20], situation: 'Em dia', absent: 1 }),
      // Moved out while the old cohort ran: listed in A only.
      ...studentWeek(2, { week: W0, cohort: 'Antiga', progress: [10, 10], situation: 'Em dia', absent: 1 }),
      ...studentWeek(2, { week: W1, progress: [10, 10], situation: 'Em dia', absent: 1 }),
    ];
    const pivot = buildCohortPivot(rows, old, config([A, old]));
    expect(pivot.archived).toBe(true);
    expect(pivot.rows.map((row) => row[0])).toEqual(['Ana']);
    expect(buildCohortPivot(rows, old, config([A, old]), { archived: false }).archived).toBe(false);
  });

  it('has no student rows and no week columns before the first run', () => {
    const empty = buildCohortPivot([], A, config());
    expect(empty.header).toEqual([...PIVOT_HEADERS, 'Produto 1', 'Produto 2']);
    expect(empty.rows).toEqual([]);
  });

  it('names a product column after its ID when the product has no row yet or its name repeats', () => {
    const three = cohort({ productIds: [1, 2, 9] });
    const rows = studentWeek(1, { week: W0, progress: [0, 0], situation: 'Em dia', absent: 1 }).map((row) => ({ ...row, productName: 'Curso' }));
    expect(buildCohortPivot(rows, three, config([three])).header.slice(10, 13)).toEqual(['Curso', 'Curso (ID 2)', 'Produto 9']);
  });
});

describe('buildCohortPivot product names', () => {
  it('takes a product name from another cohort’s rows when the cohort has none yet', () => {
    const rows = studentWeek(1, { week: W1, cohort: 'B', progress: [0, 0], situation: 'Sem meta', absent: 1 });
    expect(buildCohortPivot(rows, A, config()).header.slice(10, 12)).toEqual(['Curso 1', 'Curso 2']);
  });

  it('never lets the stand-in "Produto N" of a week whose name was unknown hide the Cademi name', () => {
    const standIn = (row: ReturnType<typeof studentWeek>[number]) => ({ ...row, productName: `Produto ${row.productId}` });
    const rows = [
      ...studentWeek(1, { week: W2, cohort: 'B', progress: [0, 0], situation: 'Sem meta', absent: 1 }),
      // The cohort's own, later rows carry only the stand-in.
      ...studentWeek(1, { week: W3, progress: [10, 10], situation: 'Em dia', absent: 1 }).map(standIn),
    ];
    expect(buildCohortPivot(rows, A, config()).header.slice(10, 12)).toEqual(['Curso 1', 'Curso 2']);
  });
});
