// Each tutor's weekly e-mail holds only their own students, escaped, from this week only.

import { CONTACT_HEADERS, type WeeklyContacts } from '../../../src/core/report/contacts';
import { tutorMessages } from '../../../src/core/report/tutor-mail';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import type { Cell } from '../../../src/core/workbook/workbook';

const thisWeek = serialOfLocalDate('2026-11-23');
const lastWeek = serialOfLocalDate('2026-11-16');
const row = (week: number, tutor: string, student: string, situation = 'Em risco'): Cell[] => [
  week,
  tutor,
  'Turma 2026-09',
  student,
  `${student.length}@x.com`,
  situation,
  'Em dia → Em risco',
  15,
  20,
  40,
  null,
  null,
  1001,
];

function contacts(rows: Cell[][]): WeeklyContacts {
  return { sheetName: 'Contatos da semana', week: '2026-11-23', rows: [[...CONTACT_HEADERS], ...rows], columnFormats: [], frozenRows: 1 };
}

describe('tutorMessages', () => {
  it("sends one message per tutor with only that tutor's students of this week", () => {
    const messages = tutorMessages(
      contacts([
        row(thisWeek, 'ana@escola.com', 'Joana'),
        row(thisWeek, 'bruno@escola.com', 'Caio'),
        row(thisWeek, 'Ana@Escola.com', 'Lia'),
        row(lastWeek, 'ana@escola.com', 'Velho'),
        row(thisWeek, '', 'Sem tutor'),
      ]),
      'https://docs.google.com/spreadsheets/d/x',
    );
    expect(messages.map((message) => message.to).sort()).toEqual(['ana@escola.com', 'bruno@escola.com']);
    const ana = messages.find((message) => message.to === 'ana@escola.com')!;
    expect(ana.body).toMatch(/Joana/);
    expect(ana.body).toMatch(/Lia/);
    expect(ana.body).not.toMatch(/Caio|Velho|Sem tutor/);
    expect(ana.subject).toBe('Progresso Cademi: 2 aluno(s) para contatar (semana de 23/11/2026)');
    expect(messages.find((message) => message.to === 'bruno@escola.com')!.body).not.toMatch(/Joana|Lia/);
  });

  it('escapes student names in the HTML body', () => {
    const [message] = tutorMessages(contacts([row(thisWeek, 'ana@escola.com', '<img src=x onerror=alert(1)>')]), 'https://x');
    expect(message.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(message.htmlBody).not.toContain('<img');
  });

  it('sends nothing before the first week', () => {
    expect(tutorMessages({ ...contacts([]), week: null }, 'https://x')).toEqual([]);
  });
});
