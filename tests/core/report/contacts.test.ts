import { buildWeeklyContacts, CONTACT_HEADERS } from '../../../src/core/report/contacts';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import type { Cell } from '../../../src/core/workbook/workbook';
import { A, B, cohort, config, SCENARIO, studentWeek, W2, W3 } from './fixtures';

const S3 = serialOfLocalDate(W3);

describe('buildWeeklyContacts', () => {
  const contacts = buildWeeklyContacts(SCENARIO, config(), null);

  it('lists newly worse students and a second week at risk, grouped by tutor, most urgent first', () => {
    expect(contacts.sheetName).toBe('Contatos da semana');
    expect(contacts.week).toBe(W3);
    expect(contacts.rows).toEqual([
      [...CONTACT_HEADERS],
      [S3, 'ana.tutora@escola.br', 'A', 'Carla', 'carla@mail.com', 'Em risco', 'Em risco há 2 semanas', 20, 5, 30, null, null, 3],
      [S3, 'ana.tutora@escola.br', 'A', 'Bruno', 'bruno@mail.com', 'Atrasado', 'Em dia → Atrasado', 3, 18, 30, null, null, 2],
      [S3, 'beto@escola.br', 'B', 'Davi', 'davi@mail.com', 'Em risco', 'Sem meta → Em risco', 30, 21, null, null, null, 4],
    ]);
    expect(contacts.columnFormats).toHaveLength(CONTACT_HEADERS.length);
  });

  it('skips a third week at risk, dropouts, and archived cohorts; flags a newcomer', () => {
    const old = cohort({ name: 'Antiga', active: false });
    const rows = [
      ...['2026-03-02', '2026-03-09', W2, W3].flatMap((week) => studentWeek(3, { week, progress: [5, 5], situation: 'Em risco', absent: 30 })),
      ...studentWeek(5, { week: W2, progress: [40, 40], situation: 'Em risco', absent: 20 }),
      ...studentWeek(5, { week: W3, progress: [40, 40], situation: 'Desistente', absent: 27 }),
      ...studentWeek(6, { week: W3, progress: [0, 0], situation: 'Atrasado', absent: null }),
      ...studentWeek(7, { week: W3, cohort: 'Antiga', progress: [0, 0], situation: 'Em risco', absent: 40 }),
    ];
    const result = buildWeeklyContacts(rows, config([A, old]), null);
    expect(result.rows.slice(1).map((row) => [row[3], row[6], row[7]])).toEqual([['Fábio', 'primeira semana: Atrasado', null]]);
  });

  it('carries what tutors typed for the same week and student, and keeps older typed rows', () => {
    const previous: Cell[][] = [
      [...CONTACT_HEADERS],
      // Same week: Bruno's row, typed.
      [S3, 'ana.tutora@escola.br', 'A', 'Bruno', 'bruno@mail.com', 'Atrasado', 'Em dia → Atrasado', 3, 18, 30, 46105, 'Ligou; volta amanhã', 2],
      // Same week, untyped: nothing to keep.
      [S3, 'ana.tutora@escola.br', 'A', 'Carla', 'carla@mail.com', 'Em risco', 'Em risco há 2 semanas', 20, 5, 30, '', null, 3],
      // Last week's contact, typed: kept as it was.
      [serialOfLocalDate(W2), 'ana.tutora@escola.br', 'A', 'Carla', 'carla@mail.com', 'Em risco', 'Atrasado → Em risco', 13, 5, 20, '18/03', 'Sem resposta', 3],
    ];
    const rebuilt = buildWeeklyContacts(SCENARIO, config(), previous);
    expect(rebuilt.rows[2].slice(10)).toEqual([46105, 'Ligou; volta amanhã', 2]);
    expect(rebuilt.rows[1].slice(10)).toEqual([null, null, 3]);
    expect(rebuilt.rows).toHaveLength(5);
    expect(rebuilt.rows[4]).toEqual(previous[3]);
    // Rebuilding from its own output loses nothing.
    expect(buildWeeklyContacts(SCENARIO, config(), rebuilt.rows).rows).toEqual(rebuilt.rows);
  });

  it('finds the typed columns by header when a person moved them, and reads an ISO week', () => {
    const header = ['Aluno ID', 'Resultado', 'Contato em', 'Semana'];
    const previous: Cell[][] = [header, ['4', 'Mandou e-mail', '2026-03-24', W3]];
    const rebuilt = buildWeeklyContacts(SCENARIO, config(), previous);
    const davi = rebuilt.rows.find((row) => row[12] === 4)!;
    expect(davi.slice(10, 12)).toEqual(['2026-03-24', 'Mandou e-mail']);
    expect(rebuilt.rows).toHaveLength(4);
  });

  it('is only the header before the first run', () => {
    expect(buildWeeklyContacts([], config([B]), null)).toMatchObject({ week: null, rows: [[...CONTACT_HEADERS]] });
  });
});
