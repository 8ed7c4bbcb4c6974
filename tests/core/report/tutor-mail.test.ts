// Each tutor's weekly e-mail holds only their own students of this week's list, escaped, with why
// each one is there and how to reach them.

import { buildWeeklyContacts, type ContactEntry, type WeeklyContacts } from '../../../src/core/report/contacts';
import { tutorMessages } from '../../../src/core/report/tutor-mail';
import { config, SCENARIO } from './fixtures';

const entry = (tutorEmail: string | null, student: string, overrides: Partial<ContactEntry> = {}): ContactEntry => ({
  tutorEmail,
  tutorName: null,
  cohort: 'Turma 2026-09',
  studentId: student.length,
  student,
  email: `${student.length}@x.com`,
  situation: 'Em risco',
  reason: '15 dias sem acesso',
  daysWithoutAccess: 15,
  progress: 20,
  expected: 40,
  phone: null,
  whatsappUrl: null,
  ...overrides,
});

function contacts(entries: ContactEntry[]): WeeklyContacts {
  return { sheetName: 'Contatos da semana', week: '2026-11-23', content: { rows: [] }, entries };
}

describe('tutorMessages', () => {
  it("sends one message per tutor with only that tutor's students of this week", () => {
    const messages = tutorMessages(
      contacts([entry('ana@escola.com', 'Joana'), entry('bruno@escola.com', 'Caio'), entry('Ana@Escola.com', 'Lia'), entry(null, 'Sem tutor')]),
      'https://docs.google.com/spreadsheets/d/x',
    );
    expect(messages.map((message) => message.to).sort()).toEqual(['ana@escola.com', 'bruno@escola.com']);
    const ana = messages.find((message) => message.to === 'ana@escola.com')!;
    expect(ana.body).toMatch(/Joana/);
    expect(ana.body).toMatch(/Lia/);
    expect(ana.body).not.toMatch(/Caio|Sem tutor/);
    expect(ana.subject).toBe('Progresso Cademi: 2 alunos para contatar (semana de 23/11/2026)');
    expect(messages.find((message) => message.to === 'bruno@escola.com')!.body).not.toMatch(/Joana|Lia/);
  });

  it('says why each student is listed and gives the phone, linked to WhatsApp in the HTML', () => {
    const [message] = tutorMessages(
      contacts([entry('ana@escola.com', 'Joana', { reason: 'sem avanço há 2 semanas', phone: '(11) 98765-4321', whatsappUrl: 'https://wa.me/5511987654321' })]),
      'https://x',
    );
    expect(message.body).toContain('- Joana (Turma 2026-09): Em risco, sem avanço há 2 semanas; celular (11) 98765-4321; 5@x.com');
    expect(message.htmlBody).toContain('<a href="https://wa.me/5511987654321">(11) 98765-4321</a> (WhatsApp)');
  });

  it('escapes what comes from the API in the HTML body', () => {
    const [message] = tutorMessages(contacts([entry('ana@escola.com', '<img src=x onerror=alert(1)>', { phone: '"><b>' })]), 'https://x');
    expect(message.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(message.htmlBody).toContain('&quot;&gt;&lt;b&gt;');
    expect(message.htmlBody).not.toContain('<img');
  });

  it('follows the sheet: this week’s list only, most urgent first, none before the first week', () => {
    const built = buildWeeklyContacts(SCENARIO, config(), null);
    const ana = tutorMessages(built, 'https://x').find((message) => message.to === 'ana.tutora@escola.br')!;
    expect(ana.body.indexOf('Carla')).toBeLessThan(ana.body.indexOf('Bruno'));
    expect(ana.body).toContain('Bruno (A): Atrasado, 12 pontos abaixo do esperado; celular (11) 98765-4321; bruno@mail.com');
    expect(tutorMessages({ ...contacts([]), week: null }, 'https://x')).toEqual([]);
  });
});
