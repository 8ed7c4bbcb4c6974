import { parseCohortsSheet, tutorCellText } from '../../../src/core/config/cohorts-sheet';
import { tutorLabel } from '../../../src/core/model/cohort';
import type { GoalTrack } from '../../../src/core/model/goals';
import { COHORT_HEADERS } from '../../../src/core/sheets';
import type { Cell } from '../../../src/core/workbook/workbook';

const TRACKS = new Map<string, GoalTrack>([
  [
    'Padrão',
    {
      name: 'Padrão',
      points: [
        { week: 0, expected: 0 },
        { week: 10, expected: 100 },
      ],
    },
  ],
]);
const HEADER: Cell[] = [...COHORT_HEADERS];
// Turma | Tag ID | Início | Produtos | Meta | Tutor | Ativa
const good = (name: string, tag: Cell = 10, overrides: Partial<Record<(typeof COHORT_HEADERS)[number], Cell>> = {}): Cell[] => {
  const row: Record<string, Cell> = { Turma: name, 'Tag ID': tag, Início: '2026-09-01', Produtos: '11', Meta: 'Padrão', Tutor: '', Ativa: 'Sim', ...overrides };
  return COHORT_HEADERS.map((header) => row[header]);
};
const parse = (...rows: Cell[][]) => parseCohortsSheet([HEADER, ...rows], TRACKS);

describe('parseCohortsSheet', () => {
  it('reads a full row into a CohortConfig', () => {
    const { cohorts, issues } = parse(
      ['Turma A', 101, '01/09/2026', '11, 12;13', 'Padrão', 'Tutor@Escola.com', 'Sim'],
      ['Turma B', '102', 46266, 14, '', '', 'Não'],
    );
    expect(issues).toEqual([]);
    expect(cohorts).toEqual([
      {
        name: 'Turma A',
        tagId: 101,
        start: '2026-09-01',
        productIds: [11, 12, 13],
        goalTrack: 'Padrão',
        tutorEmail: 'tutor@escola.com',
        tutorName: null,
        active: true,
        sheetRow: 1,
      },
      { name: 'Turma B', tagId: 102, start: '2026-09-01', productIds: [14], goalTrack: null, tutorEmail: null, tutorName: null, active: false, sheetRow: 2 },
    ]);
  });

  it('reads a tutor written as Nome <e-mail>, the name for people and the e-mail for the mail', () => {
    const tutorOf = (Tutor: Cell) => parse(good('A', 1, { Tutor })).cohorts[0];
    expect(tutorOf('Ana Souza <Ana@Escola.com.br>')).toMatchObject({ tutorEmail: 'ana@escola.com.br', tutorName: 'Ana Souza' });
    expect(tutorOf('"Souza, Ana" <ana@escola.com.br>')).toMatchObject({ tutorEmail: 'ana@escola.com.br', tutorName: 'Souza, Ana' });
    expect(tutorOf('  <ana@escola.com.br> ')).toMatchObject({ tutorEmail: 'ana@escola.com.br', tutorName: null });
    expect(tutorOf('ana@escola.com.br')).toMatchObject({ tutorEmail: 'ana@escola.com.br', tutorName: null });
    expect(tutorOf(null)).toMatchObject({ tutorEmail: null, tutorName: null });
    expect(tutorLabel(tutorOf('Ana Souza <ana@escola.com.br>'))).toBe('Ana Souza');
    expect(tutorCellText(tutorOf('Ana Souza <ANA@escola.com.br>'))).toBe('Ana Souza <ana@escola.com.br>');
    expect(tutorCellText(tutorOf('ana@escola.com.br'))).toBe('ana@escola.com.br');
  });

  it.each<[string, string]>([
    ['a name without an e-mail', 'Ana Souza'],
    ['a name with a broken e-mail', 'Ana Souza <ana@>'],
    ['an empty address', 'Ana Souza <>'],
    ['a stray bracket in the name', 'Ana <Souza <ana@escola.com.br>'],
    ['two addresses', 'ana@escola.com.br, bia@escola.com.br'],
  ])('refuses %s in Tutor with a note saying both accepted forms', (_, Tutor) => {
    const { cohorts, issues } = parse(good('A', 1, { Tutor }));
    expect(cohorts).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ row: 1, columnName: 'Tutor', severity: 'error' })]);
    expect(issues[0].message).toBe(`"${Tutor}" não é um e-mail nem Nome <e-mail> (ex.: ana@escola.com.br ou Ana Souza <ana@escola.com.br>)`);
  });

  it('finds columns by header name, whatever their order', () => {
    const header = ['Ativa', 'Produtos', 'Turma', 'Observações', 'Meta', 'Tutor', 'Início', 'Tag ID'];
    const { cohorts, issues } = parseCohortsSheet([header, ['Não', '7', 'Turma X', 'livre', '', '', '2026-01-05', 55]], TRACKS);
    expect(issues).toEqual([]);
    expect(cohorts).toEqual([expect.objectContaining({ name: 'Turma X', tagId: 55, start: '2026-01-05', productIds: [7], active: false })]);
  });

  it('skips fully blank rows without complaint', () => {
    const { cohorts, issues } = parse(good('A', 1), [null, '', ' ', null, null, null, null], good('B', 2));
    expect(issues).toEqual([]);
    expect(cohorts.map((c) => [c.name, c.sheetRow])).toEqual([
      ['A', 1],
      ['B', 3],
    ]);
  });

  it('treats an empty Ativa as active', () => {
    expect(parse(good('A', 1, { Ativa: null })).cohorts[0].active).toBe(true);
  });

  it.each<[string, Partial<Record<(typeof COHORT_HEADERS)[number], Cell>>, string, RegExp]>([
    ['empty name', { Turma: '  ' }, 'Turma', /vazia/],
    ['non-integer tag', { 'Tag ID': 1.5 }, 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
    ['negative tag', { 'Tag ID': -4 }, 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
    ['text tag', { 'Tag ID': 'dez' }, 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
    ['impossible date', { Início: '30/02/2026' }, 'Início', /não é uma data válida/],
    ['product abc', { Produtos: 'abc' }, 'Produtos', /"abc" não é um ID de produto/],
    ['no products', { Produtos: null }, 'Produtos', /vazia/],
    ['unknown goal track', { Meta: 'Rápida' }, 'Meta', /meta "Rápida" não existe/],
    ['bad e-mail', { Tutor: 'joao@' }, 'Tutor', /não é um e-mail/],
    ['bad Ativa', { Ativa: 'talvez' }, 'Ativa', /deve ser Sim ou Não/],
    ['500-character name', { Turma: 'T'.repeat(500) }, 'Turma', /500 caracteres/],
    ['control character in the name', { Turma: 'Turma\tA' }, 'Turma', /caracteres de controle/],
  ])('reports a row with %s at its sheet, row and column, and keeps the valid rows', (_, overrides, columnName, message) => {
    const { cohorts, issues } = parse(good('Antes', 1), good('Quebrada', 2, overrides), good('Depois', 3));
    expect(cohorts.map((c) => c.name)).toEqual(['Antes', 'Depois']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: 'Turmas', row: 2, column: COHORT_HEADERS.indexOf(columnName as never), columnName, severity: 'error' });
    expect(issues[0].message).toMatch(message);
  });

  it('reports every bad cell of a row, not just the first', () => {
    const { cohorts, issues } = parse(['', 'x', 'ontem', 'abc', 'Nenhuma', 'nope', 'talvez']);
    expect(cohorts).toEqual([]);
    expect(issues.map((issue) => issue.columnName)).toEqual(['Turma', 'Tag ID', 'Início', 'Produtos', 'Meta', 'Tutor', 'Ativa']);
    expect(issues.every((issue) => issue.row === 1)).toBe(true);
  });

  it('refuses a repeated cohort name, case-insensitively, pointing at the first row', () => {
    const { cohorts, issues } = parse(good('Turma A', 1), good('TURMA a', 2));
    expect(cohorts.map((c) => c.name)).toEqual(['Turma A']);
    expect(issues).toEqual([expect.objectContaining({ row: 2, columnName: 'Turma', message: 'nome repetido (já usado na linha 2)' })]);
  });

  it('refuses a second active cohort on the same tag, but allows an archived one', () => {
    const { cohorts, issues } = parse(good('A', 7), good('B', 7, { Ativa: 'Não' }), good('C', 7));
    expect(cohorts.map((c) => c.name)).toEqual(['A', 'B']);
    expect(issues).toEqual([expect.objectContaining({ row: 3, columnName: 'Tag ID', message: 'a tag 7 já é da turma ativa "A"' })]);
  });

  it('lets an active cohort take the tag of an earlier archived one', () => {
    const { cohorts, issues } = parse(good('Antiga', 7, { Ativa: 'Não' }), good('Nova', 7));
    expect(issues).toEqual([]);
    expect(cohorts.map((c) => c.name)).toEqual(['Antiga', 'Nova']);
  });

  it('keeps formula-looking and Unicode names verbatim, as text', () => {
    const names = ['=HYPERLINK("http://x","Clique")', '+5511999', 'Turma São João – 2º semestre 🚀', '<b>Turma</b>', '日本語クラス'];
    const { cohorts, issues } = parse(...names.map((name, i) => good(name, i + 1)));
    expect(issues).toEqual([]);
    expect(cohorts.map((c) => c.name)).toEqual(names);
  });

  it('reports a missing header column as one sheet-level error and reads no row', () => {
    const header = COHORT_HEADERS.filter((name) => name !== 'Produtos' && name !== 'Tutor');
    const { cohorts, issues } = parseCohortsSheet([header, ['A', 1, '2026-09-01', 'Padrão', 'Sim']], TRACKS);
    expect(cohorts).toEqual([]);
    expect(issues).toEqual([
      { sheet: 'Turmas', row: 0, column: 0, columnName: 'Produtos, Tutor', severity: 'error', message: 'cabeçalho ausente: Produtos, Tutor' },
    ]);
  });

  it('reports a missing sheet', () => {
    const { cohorts, issues } = parseCohortsSheet(null, TRACKS);
    expect(cohorts).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ sheet: 'Turmas', row: -1, severity: 'error' })]);
  });

  it('treats a header-only sheet as no cohorts and no issues', () => {
    expect(parseCohortsSheet([HEADER], TRACKS)).toEqual({ cohorts: [], issues: [] });
  });
});
