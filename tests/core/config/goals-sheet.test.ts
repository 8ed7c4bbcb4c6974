import { parseGoalsSheet } from '../../../src/core/config/goals-sheet';
import type { Cell } from '../../../src/core/workbook/workbook';

const HEADER: Cell[] = ['Meta', 'Semana', 'Esperado (%)'];

describe('parseGoalsSheet', () => {
  it('groups rows into tracks sorted by week', () => {
    const { tracks, issues } = parseGoalsSheet([HEADER, ['Rápida', 4, 100], ['Padrão', 0, 0], ['Rápida', 0, '0'], ['Padrão', '8', '50,5'], ['Rápida', 2, 60]]);
    expect(issues).toEqual([]);
    expect(tracks.get('Rápida')).toEqual({
      name: 'Rápida',
      points: [
        { week: 0, expected: 0 },
        { week: 2, expected: 60 },
        { week: 4, expected: 100 },
      ],
    });
    expect(tracks.get('Padrão')).toEqual({
      name: 'Padrão',
      points: [
        { week: 0, expected: 0 },
        { week: 8, expected: 50.5 },
      ],
    });
  });

  it('allows a flat stretch (expected may stay the same)', () => {
    const { tracks, issues } = parseGoalsSheet([HEADER, ['M', 0, 10], ['M', 1, 10], ['M', 2, 20]]);
    expect(issues).toEqual([]);
    expect(tracks.get('M')?.points).toHaveLength(3);
  });

  it('refuses a track whose expected progress decreases, whole, and keeps the others', () => {
    const { tracks, issues } = parseGoalsSheet([HEADER, ['Ruim', 0, 0], ['Ruim', 4, 40], ['Ruim', 2, 50], ['Boa', 0, 0]]);
    expect([...tracks.keys()]).toEqual(['Boa']);
    expect(issues).toEqual([
      {
        sheet: 'Metas',
        row: 2,
        column: 2,
        columnName: 'Esperado (%)',
        severity: 'error',
        message: 'meta "Ruim" diminui de 50% (semana 2) para 40% (semana 4); o esperado não pode cair',
      },
    ]);
  });

  it('refuses a track that repeats a week', () => {
    const { tracks, issues } = parseGoalsSheet([HEADER, ['M', 0, 0], ['M', 3, 30], ['M', 3, 30]]);
    expect(tracks.has('M')).toBe(false);
    expect(issues).toEqual([expect.objectContaining({ row: 3, message: 'semana 3 repetida na meta "M"' })]);
  });

  it.each<[string, Cell[], string, RegExp]>([
    ['a fractional week', ['M', 1.5, 10], 'Semana', /deve ser um número inteiro de semanas/],
    ['a negative week', ['M', -1, 10], 'Semana', /fora do intervalo/],
    ['an expected above 100', ['M', 2, 120], 'Esperado (%)', /fora do intervalo 0–100/],
    ['an expected that is text', ['M', 2, 'muito'], 'Esperado (%)', /não é um número/],
  ])('flags %s and drops that whole track', (_, row, columnName, message) => {
    const { tracks, issues } = parseGoalsSheet([HEADER, ['M', 0, 0], row, ['Outra', 0, 0]]);
    expect(tracks.has('M')).toBe(false);
    expect(tracks.has('Outra')).toBe(true);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: 'Metas', row: 2, columnName, column: HEADER.indexOf(columnName) });
    expect(issues[0].message).toMatch(message);
  });

  it('flags a row without a track name', () => {
    const { tracks, issues } = parseGoalsSheet([HEADER, ['', 0, 0], ['M', 0, 0]]);
    expect([...tracks.keys()]).toEqual(['M']);
    expect(issues).toEqual([expect.objectContaining({ row: 1, columnName: 'Meta' })]);
  });

  it('reports a missing header; treats a missing sheet as no tracks', () => {
    expect(
      parseGoalsSheet([
        ['Meta', 'Semana'],
        ['M', 0],
      ]).issues,
    ).toEqual([expect.objectContaining({ sheet: 'Metas', row: 0, columnName: 'Esperado (%)', message: 'cabeçalho ausente: Esperado (%)' })]);
    expect(parseGoalsSheet(null)).toEqual({ tracks: new Map(), issues: [] });
  });
});
