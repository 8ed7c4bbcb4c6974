// Each tutor's own contact list for the week, as an e-mail: one message per tutor, only their students.

import { type TutorMailLine, tutorMailHtml, tutorMailHtmlLine, tutorMailIntro, tutorMailSubject, tutorMailText, tutorMailTextLine } from '../messages/mail';
import { localDateOfSerial } from '../time/local-date';
import type { Cell } from '../workbook/workbook';
import { CONTACT_HEADERS, type WeeklyContacts } from './contacts';

export interface TutorMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Student names come from the API: escaped before they go into a message's HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const column = (name: (typeof CONTACT_HEADERS)[number]) => CONTACT_HEADERS.indexOf(name);
const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell));

/** Groups this week's contacts by tutor e-mail; rows without a tutor are left to the coordinator. */
export function tutorMessages(contacts: WeeklyContacts, spreadsheetUrl: string): TutorMessage[] {
  if (contacts.week === null) return [];
  const weekSerial = contacts.rows.slice(1).find((row) => typeof row[column('Semana')] === 'number')?.[column('Semana')];
  const byTutor = new Map<string, Cell[][]>();
  for (const row of contacts.rows.slice(1)) {
    if (row[column('Semana')] !== weekSerial) continue;
    const tutor = text(row[column('Tutor')]).trim().toLowerCase();
    if (!tutor.includes('@')) continue;
    byTutor.set(tutor, [...(byTutor.get(tutor) ?? []), row]);
  }
  const week = typeof weekSerial === 'number' ? localDateOfSerial(weekSerial) : contacts.week;
  const [year, month, day] = week.split('-');
  const weekLabel = `${day}/${month}/${year}`;
  return [...byTutor.entries()].map(([to, rows]) => {
    const lines = rows.map(lineOf);
    const intro = tutorMailIntro(rows.length, weekLabel);
    return {
      to,
      subject: tutorMailSubject(rows.length, weekLabel),
      body: tutorMailText(intro, lines.map(tutorMailTextLine), spreadsheetUrl),
      htmlBody: tutorMailHtml(
        escapeHtml(intro),
        lines.map((line) => tutorMailHtmlLine(escapedLine(line))),
        escapeHtml(spreadsheetUrl),
      ),
    };
  });
}

/** A contact row's fields, as the e-mail lists them. */
function lineOf(row: readonly Cell[]): TutorMailLine {
  return {
    student: text(row[column('Aluno')]),
    cohort: text(row[column('Turma')]),
    situation: text(row[column('Situação')]),
    change: text(row[column('Mudança')]),
    days: text(row[column('Dias sem acesso')]),
    email: text(row[column('E-mail')]),
  };
}

function escapedLine(line: TutorMailLine): TutorMailLine {
  return {
    student: escapeHtml(line.student),
    cohort: escapeHtml(line.cohort),
    situation: escapeHtml(line.situation),
    change: escapeHtml(line.change),
    days: escapeHtml(line.days),
    email: escapeHtml(line.email),
  };
}
