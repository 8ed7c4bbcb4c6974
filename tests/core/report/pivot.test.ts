import { buildCohortPivot, PIVOT_HEADERS } from '../../../src/core/report/pivot';
import { A, B, cohort, config, SCENARIO, studentWeek, W0, W1, W2, W3 } from './fixtures';

describe('buildCohortPivot', () => {
  const pivot = buildCohortPivot(SCENARIO, A, config());
  const byName = (name: string) => pivot.rows.find((row) => row[0] === name)!;

  it('has the fixed columns, one per tracked product, then one per week since the start', () => {
    expect(pivot.header).toEqual([...PIVOT_HEADERS, 'Curso 1', 'Curso 2', '02/03', '09/03', '16/03', '23/03']);
    expect(pivot.sheetName).toBe('Turma A');
    expect(pivot.situationColumn).toBe(3);
    expect(pivot.progressColumns).toEqual([5, 6, 11, 12, 13, 14, 15, 16]);
    expect(pivot.columnFormats).toHaveLength(pivot.header.length);
    expect(pivot.columnFormats.slice(5, 13)).toEqual(['0.0', '0.0', '0.0', '0.0', '0', '0', '0.0', '0.0']);
    expect(pivot).toMatchObject({ frozenRows: 1, frozenColumns: 1, filter: true, archived: false });
  });

  it('lists students needing attention first, then by difference, dropouts last', () => {
    expect(pivot.rows.map((row) => row[0])).toEqual(['Carla', 'Bruno', 'Ana', 'Fábio', 'Eva']);
    expect(pivot.dropoutRows).toEqual([4]);
  });

  it('computes every figure of a student on pace (rounded to one decimal)', () => {
    expect(byName('Ana')).toEqual(['Ana', 'ana@mail.com', 'ana.tutora@escola.br', 'Em dia', '', 35, 30, 5, 10, 0, 1, 30, 40, 0, 10, 25, 35]);
  });

  it('leaves a missing week empty and takes Δ from the previous recorded week', () => {
    expect(byName('Bruno')).toEqual([
      'Bruno',
      'bruno@mail.com',
      'ana.tutora@escola.br',
      'Atrasado',
      '12 pp abaixo da meta da semana 3',
      18,
      30,
      -12,
      8,
      0,
      3,
      16,
      20,
      null,
      10,
      null,
      18,
    ]);
  });

  it('counts carried (Mantido) weeks as weeks without progress and explains every reason', () => {
    expect(byName('Carla')).toEqual([
      'Carla',
      'carla@mail.com',
      'ana.tutora@escola.br',
      'Em risco',
      '20 dias sem acesso · 0 pp em 2 semanas · 25 pp abaixo da meta da semana 3',
      5,
      30,
      -25,
      0,
      2,
      20,
      5,
      5,
      null,
      5,
      5,
      5,
    ]);
  });

  it('keeps a dropout with its reason; a first week has no Δ', () => {
    expect(byName('Eva').slice(3, 11)).toEqual(['Desistente', 'desistência registrada', 40, 30, 10, 0, 1, 8]);
    expect(byName('Fábio').slice(3, 11)).toEqual(['Em dia', '', 50, 30, 20, null, 0, 2]);
  });

  it('lists a moved student under the new cohort only, with the new cohort weeks only', () => {
    expect(pivot.rows.some((row) => row[0] === 'Davi')).toBe(false);
    const pivotB = buildCohortPivot(SCENARIO, B, config());
    expect(pivotB.header.slice(13)).toEqual(['16/03', '23/03']);
    expect(pivotB.rows).toEqual([['Davi', 'davi@mail.com', 'beto@escola.br', 'Em risco', '30 dias sem acesso', 21, null, null, 1, 0, 30, 20, 22, 20, 21]]);
  });

  it('explains Sem meta and a stored flag the current thresholds no longer reproduce', () => {
    const rows = [
      ...studentWeek(4, { week: W2, cohort: 'B', progress: [20, 20], situation: 'Sem meta', absent: 9 }),
      ...studentWeek(1, { week: W3, progress: [28, 28], situation: 'Atrasado', absent: 1 }),
    ];
    expect(buildCohortPivot(rows, B, config()).rows[0][4]).toBe('turma sem meta · 9 dias sem acesso');
    expect(buildCohortPivot(rows, A, config()).rows[0][4]).toBe('2 pp abaixo da meta da semana 3');
  });

  it('describes conditional formats as data: one text rule per situation and colour scales', () => {
    const texts = pivot.conditionalFormats.filter((format) => format.kind === 'text-equals');
    expect(texts.map((format) => format.kind === 'text-equals' && format.text)).toEqual(['Em risco', 'Atrasado', 'Sem meta', 'Em dia', 'Desistente']);
    expect(texts.every((format) => format.kind === 'text-equals' && format.column === 3)).toBe(true);
    const desistente = texts.find((format) => format.kind === 'text-equals' && format.text === 'Desistente');
    expect(desistente).toMatchObject({ background: null, fontColor: '#9aa0a6' });
    const ranges = pivot.conditionalFormats.flatMap((format) => (format.kind === 'gradient' ? [format.columnRange] : []));
    expect(ranges).toContainEqual([11, 16]);
    expect(ranges).toContainEqual([7, 7]);
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
    expect(buildCohortPivot(rows, three, config([three])).header.slice(11, 14)).toEqual(['Curso', 'Curso (ID 2)', 'Produto 9']);
  });
});

describe('buildCohortPivot product names', () => {
  it('takes a product name from another cohort’s rows when the cohort has none yet', () => {
    const rows = studentWeek(1, { week: W1, cohort: 'B', progress: [0, 0], situation: 'Sem meta', absent: 1 });
    expect(buildCohortPivot(rows, A, config()).header.slice(11, 13)).toEqual(['Curso 1', 'Curso 2']);
  });
});
