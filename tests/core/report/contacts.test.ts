// `Contatos da semana`: the list a tutor acts on — a title, one band per tutor, why each student is
// there in words the row's numbers bear out, a phone with its WhatsApp link, typed columns kept.

import { buildWeeklyContacts as build, CONTACT_HEADERS, CONTACT_RESULTS, contactColumns } from '../../../src/core/report/contacts';
import { SITUATION_STYLE } from '../../../src/core/report/situation-style';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import { MAX_COLUMN_PX } from '../../../src/core/workbook/column-widths';
import type { Cell } from '../../../src/core/workbook/workbook';
import { A, B, cohort, config, SCENARIO, studentWeek, W0, W1, W2, W3 } from './fixtures';

const S2 = serialOfLocalDate(W2);
const S3 = serialOfLocalDate(W3);
const HEADER = [...CONTACT_HEADERS];
const col = (name: (typeof CONTACT_HEADERS)[number]) => CONTACT_HEADERS.indexOf(name);
const withoutPhone = (settings = config().settings) => ({ ...config(), settings: { ...settings, showPhone: false } });

const DAVI: Cell[] = ['Davi', 'B', 'Em risco', '30 dias sem acesso', 30, 21, null, null, null, 'davi@mail.com', null, null, S3, 4];
const CARLA: Cell[] = [
  'Carla',
  'A',
  'Em risco',
  '20 dias sem acesso · sem avanço há 2 semanas · 25 pontos abaixo do esperado',
  20,
  5,
  30,
  '+55 21 99876-5432',
  'Abrir WhatsApp',
  'carla@mail.com',
  null,
  null,
  S3,
  3,
];
const BRUNO: Cell[] = [
  'Bruno',
  'A',
  'Atrasado',
  '12 pontos abaixo do esperado',
  3,
  18,
  30,
  '(11) 98765-4321',
  'Abrir WhatsApp',
  'bruno@mail.com',
  null,
  null,
  S3,
  2,
];

describe('buildWeeklyContacts', () => {
  const contacts = build(SCENARIO, config(), null);

  it('titles the week and its collection, then one band per tutor, the gravest case first, each band most urgent first', () => {
    expect(contacts.sheetName).toBe('Contatos da semana');
    expect(contacts.week).toBe(W3);
    // Davi (30 days away) is more urgent than anyone of Ana's, so Beto's band comes first.
    expect(contacts.content.rows).toEqual([
      ['Contatos da semana de 23/03/2026 · atualizado em 23/03/2026 09:00'],
      HEADER,
      ['beto@escola.br · 1 aluno'],
      DAVI,
      ['ana.tutora@escola.br · 2 alunos'],
      CARLA,
      BRUNO,
    ]);
    expect(contacts.entries).toHaveLength(3);
    expect(contacts.entries.map((entry) => [entry.student, entry.tutorEmail])).toEqual([
      ['Davi', 'beto@escola.br'],
      ['Carla', 'ana.tutora@escola.br'],
      ['Bruno', 'ana.tutora@escola.br'],
    ]);
  });

  it('lays the sheet out for tutors: header under the title, bands styled, keys hidden, typed columns validated, Motivo wrapped', () => {
    const { content } = contacts;
    expect(content).toMatchObject({
      headerRow: 1,
      frozenRows: 2,
      filter: true,
      hiddenColumns: [col('Semana'), col('Aluno ID')],
      wrappedColumns: [col('Motivo')],
    });
    expect(content.rowStyles).toEqual([
      { row: 0, bold: true, fontSize: 12 },
      { row: 2, bold: true, background: '#e8f0fe' },
      { row: 4, bold: true, background: '#e8f0fe' },
    ]);
    expect(content.validations).toEqual([
      { kind: 'date', column: col('Contato em'), helpText: 'Digite a data do contato (dd/mm/aaaa).' },
      { kind: 'list', column: col('Resultado'), values: CONTACT_RESULTS, helpText: 'Escolha o resultado do contato na lista.' },
    ]);
    expect([...CONTACT_RESULTS]).toEqual(['Atendeu', 'Não atendeu', 'Deixou recado', 'Número inválido', 'Retomou os estudos', 'Vai cancelar']);
    expect(content.columnFormats).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      '#,##0',
      '#,##0.0',
      '#,##0.0',
      '@',
      undefined,
      undefined,
      'dd/mm/yyyy',
      undefined,
      'dd/mm/yyyy',
      '0',
    ]);
    // Situação coloured as in the pivot.
    expect(content.conditionalFormats).toContainEqual({ kind: 'text-equals', column: col('Situação'), text: 'Em risco', ...pick(SITUATION_STYLE['Em risco']) });
    expect(content.conditionalFormats).toContainEqual({ kind: 'text-equals', column: col('Situação'), text: 'Atrasado', ...pick(SITUATION_STYLE.Atrasado) });
    // Every column has a width; the bands' long text does not widen `Aluno`, Motivo has its own.
    expect(content.columnWidths).toHaveLength(CONTACT_HEADERS.length);
    expect(content.columnWidths?.[col('Motivo')]).toBe(300);
    expect(content.columnWidths?.[col('Aluno')]).toBeLessThan(100);
    expect(content.columnWidths?.every((width) => width !== undefined && width <= MAX_COLUMN_PX)).toBe(true);
    expect(content.owned).toBeUndefined(); // tutors type in it
  });

  it('links each phone to WhatsApp by its digits, with 55 added to a national number; no number, no link', () => {
    expect(contacts.content.links).toEqual([
      { row: 5, column: col('WhatsApp'), url: 'https://wa.me/5521998765432' },
      { row: 6, column: col('WhatsApp'), url: 'https://wa.me/5511987654321' },
    ]);
    expect(contacts.entries.map((entry) => [entry.phone, entry.whatsappUrl])).toEqual([
      [null, null],
      ['+55 21 99876-5432', 'https://wa.me/5521998765432'],
      ['(11) 98765-4321', 'https://wa.me/5511987654321'],
    ]);
  });

  it('leaves the phone out entirely with Mostrar celular = Não (columns, links, e-mail lines)', () => {
    const hidden = build(SCENARIO, withoutPhone(), null);
    const columns = contactColumns(false);
    expect(hidden.content.rows[1]).toEqual(columns);
    expect(columns).not.toContain('Celular');
    expect(columns).not.toContain('WhatsApp');
    expect(hidden.content.links).toEqual([]);
    expect(hidden.entries.every((entry) => entry.phone === null && entry.whatsappUrl === null)).toBe(true);
    expect(JSON.stringify(hidden.content)).not.toMatch(/98765|99876|wa\.me/);
    expect(hidden.content.rows[5]).toEqual([...CARLA.slice(0, 7), ...CARLA.slice(9)]);
    expect(hidden.content.hiddenColumns).toEqual([columns.indexOf('Semana'), columns.indexOf('Aluno ID')]);
  });

  it('names the tutor as Turmas does, even from another cohort of theirs; cohorts without a tutor come last under Sem tutor', () => {
    const named = cohort({ tutorName: 'Ana Souza' });
    const other = cohort({ name: 'C', tagId: 3, tutorEmail: 'Ana.Tutora@escola.br', sheetRow: 3 });
    const orphan = cohort({ name: 'D', tagId: 4, tutorEmail: null, sheetRow: 4 });
    const rows = [
      ...SCENARIO,
      ...studentWeek(7, { week: W3, cohort: 'C', progress: [0, 0], situation: 'Em risco', absent: 40 }),
      ...studentWeek(8, { week: W3, cohort: 'D', progress: [0, 0], situation: 'Em risco', absent: null }),
    ];
    const result = build(rows, config([named, B, other, orphan]), null);
    const bands = result.content.rowStyles?.slice(1).map((style) => result.content.rows[style.row]?.[0]);
    // Ana's band leads (Gil, 40 days away), then Beto's; Sem tutor last although its student never accessed.
    expect(bands).toEqual(['Ana Souza · ana.tutora@escola.br · 3 alunos', 'beto@escola.br · 1 aluno', 'Sem tutor · 1 aluno']);
    expect(result.entries.filter((entry) => entry.tutorEmail === 'ana.tutora@escola.br').map((entry) => [entry.student, entry.tutorName])).toEqual([
      ['Gil', 'Ana Souza'],
      ['Carla', 'Ana Souza'],
      ['Bruno', 'Ana Souza'],
    ]);
    expect(result.entries.at(-1)).toMatchObject({ student: 'Aluno 8', tutorEmail: null, reason: 'nunca acessou', daysWithoutAccess: null });
  });

  it('skips a third week at risk, dropouts, and archived cohorts; lists a newcomer flagged in their first week', () => {
    const old = cohort({ name: 'Antiga', active: false });
    const rows = [
      ...['2026-03-02', '2026-03-09', W2, W3].flatMap((week) => studentWeek(3, { week, progress: [5, 5], situation: 'Em risco', absent: 30 })),
      ...studentWeek(5, { week: W2, progress: [40, 40], situation: 'Em risco', absent: 20 }),
      ...studentWeek(5, { week: W3, progress: [40, 40], situation: 'Desistente', absent: 27 }),
      ...studentWeek(6, { week: W3, progress: [0, 0], situation: 'Atrasado', absent: null }),
      ...studentWeek(7, { week: W3, cohort: 'Antiga', progress: [0, 0], situation: 'Atrasado', absent: 40 }),
    ];
    const result = build(rows, config([A, old]), null);
    expect(result.entries.map((entry) => [entry.student, entry.situation, entry.reason])).toEqual([
      ['Fábio', 'Atrasado', 'nunca acessou · 30 pontos abaixo do esperado'],
    ]);
  });

  it('is the title and the header before the first run', () => {
    const empty = build([], config([B]), null);
    expect(empty).toMatchObject({ week: null, entries: [] });
    expect(empty.content.rows).toEqual([['Contatos da semana: nenhuma semana coletada ainda'], HEADER]);
  });
});

describe('Motivo agrees with the numbers in the row (the two cases of issue 13)', () => {
  it('Atrasado at 98% against 80% expected: the 10 days without access, nothing about being behind', () => {
    const rows = [
      ...studentWeek(1, { week: W2, progress: [98, 98], situation: 'Em dia', absent: 1, expected: 70 }),
      ...studentWeek(1, { week: W3, progress: [98, 98], situation: 'Atrasado', absent: 10, expected: 80 }),
    ];
    const [row] = build(rows, config([A]), null).content.rows.slice(3);
    expect(pickColumns(row, 'Situação', 'Motivo', 'Dias sem acesso', 'Progresso (%)', 'Esperado (%)')).toEqual(['Atrasado', '10 dias sem acesso', 10, 98, 80]);
  });

  it('Em risco a second week with 0 days without access: says it is the stalled progress', () => {
    const rows = [W0, W1, W2, W3].flatMap((week, index) =>
      studentWeek(1, { week, progress: [40, 40], situation: index >= 2 ? 'Em risco' : 'Em dia', absent: 0, expected: 10 * index }),
    );
    const [row] = build(rows, config([A]), null).content.rows.slice(3);
    expect(pickColumns(row, 'Situação', 'Motivo', 'Dias sem acesso', 'Progresso (%)', 'Esperado (%)')).toEqual([
      'Em risco',
      'sem avanço há 3 semanas',
      0,
      40,
      30,
    ]);
  });

  it('gives the points below as the difference of the two shown columns, singular and decimal alike', () => {
    const behind = (progress: number, expected: number) =>
      build(
        [
          ...studentWeek(1, { week: W2, progress: [expected, expected], situation: 'Em dia', absent: 1, expected: expected - 10 }),
          ...studentWeek(1, { week: W3, progress: [progress, progress + 0.04], situation: 'Atrasado', absent: 1, expected }),
        ],
        config([A]),
        null,
      ).entries[0];
    expect(behind(62, 80)).toMatchObject({ progress: 62, expected: 80, reason: '18 pontos abaixo do esperado' });
    expect(behind(42.5, 60)).toMatchObject({ progress: 42.5, expected: 60, reason: '17,5 pontos abaixo do esperado' });
  });

  it('says so when the current limits no longer reproduce the stored flag, instead of a reason the row contradicts', () => {
    const rows = [
      ...studentWeek(1, { week: W2, progress: [30, 30], situation: 'Em dia', absent: 1 }),
      ...studentWeek(1, { week: W3, progress: [25, 25], situation: 'Em risco', absent: 9 }),
    ];
    const relaxed = { ...config([A]), settings: { ...config().settings, riskDaysWithoutAccess: 30 } };
    expect(build(rows, relaxed, null).entries[0].reason).toBe(
      '9 dias sem acesso · situação da coleta; os números atuais não a repetem com os limites de Configuração',
    );
    const none = { ...relaxed, settings: { ...relaxed.settings, warnDaysWithoutAccess: 20, latePoints: 50 } };
    expect(build(rows, none, null).entries[0].reason).toBe('situação da coleta; os números atuais não a repetem com os limites de Configuração');
  });
});

describe('what tutors typed survives a rebuild', () => {
  it('is carried for the same week and student; typed rows of an earlier week stay below under their own band', () => {
    const previous: Cell[][] = [
      ['Contatos da semana de 23/03/2026 · atualizado em 23/03/2026 08:00'],
      HEADER,
      ['ana.tutora@escola.br · 2 alunos'],
      [...BRUNO.slice(0, 10), 46105, 'Atendeu', S3, 2],
      [...CARLA.slice(0, 10), '', null, S3, 3],
      ['Anotações da semana de 16/03/2026'],
      ['Carla', 'A', 'Em risco', '13 dias sem acesso', 13, 5, 20, '+55 21 99876-5432', 'Abrir WhatsApp', 'carla@mail.com', '18/03', 'Não atendeu', S2, 3],
    ];
    const rebuilt = build(SCENARIO, config(), previous);
    const rows = rebuilt.content.rows;
    expect(rows.slice(0, 7)).toEqual([
      rows[0],
      HEADER,
      ['beto@escola.br · 1 aluno'],
      DAVI,
      ['ana.tutora@escola.br · 2 alunos'],
      CARLA,
      [...BRUNO.slice(0, 10), 46105, 'Atendeu', S3, 2],
    ]);
    expect(rows.slice(7)).toEqual([['Anotações da semana de 16/03/2026'], previous[6]]);
    expect(rebuilt.content.rowStyles?.at(-1)).toEqual({ row: 7, bold: true, background: '#f1f3f4' });
    // The kept row's link is built again from its phone (a sheet's links are not read back).
    expect(rebuilt.content.links?.at(-1)).toEqual({ row: 8, column: col('WhatsApp'), url: 'https://wa.me/5521998765432' });
    // Rebuilding from its own output loses nothing and adds nothing.
    expect(build(SCENARIO, config(), rows).content).toEqual(rebuilt.content);
  });

  it('reads the sheet of the release before (header on row 1, a Tutor and a Mudança column) into the new layout', () => {
    const formerHeader = [
      'Semana',
      'Tutor',
      'Turma',
      'Aluno',
      'E-mail',
      'Situação',
      'Mudança',
      'Dias sem acesso',
      'Progresso (%)',
      'Esperado (%)',
      'Contato em',
      'Resultado',
      'Aluno ID',
    ];
    const previous: Cell[][] = [
      formerHeader,
      [S3, 'ana.tutora@escola.br', 'A', 'Bruno', 'bruno@mail.com', 'Atrasado', 'Em dia → Atrasado', 3, 18, 30, 46105, 'Ligou; volta amanhã', 2],
      [S2, 'ana.tutora@escola.br', 'A', 'Carla', 'carla@mail.com', 'Em risco', 'Atrasado → Em risco', 13, 5, 20, '18/03', 'Sem resposta', 3],
    ];
    const rows = build(SCENARIO, config(), previous).content.rows;
    const bruno = rows.find((row) => row[col('Aluno ID')] === 2 && row[col('Semana')] === S3)!;
    expect(pickColumns(bruno, 'Contato em', 'Resultado')).toEqual([46105, 'Ligou; volta amanhã']);
    expect(rows.at(-2)).toEqual(['Anotações da semana de 16/03/2026']);
    expect(rows.at(-1)).toEqual(['Carla', 'A', 'Em risco', null, 13, 5, 20, null, null, 'carla@mail.com', '18/03', 'Sem resposta', S2, 3]);
  });

  it('finds the typed columns by header when a person moved them, reads an ISO week, and falls back to the place of a renamed one', () => {
    const moved: Cell[][] = [
      ['Aluno ID', 'Resultado', 'Contato em', 'Semana'],
      ['4', 'Deixou recado', '2026-03-24', W3],
    ];
    const davi = build(SCENARIO, config(), moved).content.rows.find((row) => row[col('Aluno ID')] === 4)!;
    expect(pickColumns(davi, 'Contato em', 'Resultado')).toEqual(['2026-03-24', 'Deixou recado']);
    const renamed = [HEADER.map((name) => (name === 'Resultado' ? 'Resultado da ligação' : name)), [...DAVI.slice(0, 11), 'Atendeu', S3, 4]];
    const again = build(SCENARIO, config(), renamed).content.rows.find((row) => row[col('Aluno ID')] === 4)!;
    expect(again[col('Resultado')]).toBe('Atendeu');
  });

  it('keeps a note of this week about a student no longer listed, apart from the list', () => {
    const previous: Cell[][] = [['x'], HEADER, ['Ana', 'A', 'Atrasado', '', 8, 30, 30, null, null, 'ana@mail.com', 46105, 'Atendeu', S3, 1]];
    const rows = build(SCENARIO, config(), previous).content.rows;
    expect(rows.at(-2)).toEqual(['Anotações desta semana de alunos que saíram da lista']);
    expect(rows.at(-1)?.[col('Resultado')]).toBe('Atendeu');
  });
});

function pick(style: { background: string | null; fontColor: string }): { background: string | null; fontColor: string } {
  return { background: style.background, fontColor: style.fontColor };
}

function pickColumns(row: readonly Cell[] | undefined, ...names: (typeof CONTACT_HEADERS)[number][]): Cell[] {
  return names.map((name) => row?.[col(name)] ?? null);
}
