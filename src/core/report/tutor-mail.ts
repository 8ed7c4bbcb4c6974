// Each tutor's own contact list for the week, as an e-mail: one message per tutor, only their students.

import { type TutorMailLine, tutorMailHtml, tutorMailHtmlLine, tutorMailIntro, tutorMailSubject, tutorMailText, tutorMailTextLine } from '../messages/mail';
import { formatBrDate } from '../time/pt-br-dates';
import type { ContactEntry, WeeklyContacts } from './contacts';

export interface TutorMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Student names and phones come from the API: escaped before they go into a message's HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Groups this week's list (the sheet's bands, in their order) by tutor e-mail; students of cohorts
 * without a tutor are left to the coordinator. Rows the sheet keeps from other weeks are not sent.
 */
export function tutorMessages(contacts: WeeklyContacts, spreadsheetUrl: string): TutorMessage[] {
  if (contacts.week === null) return [];
  const byTutor = new Map<string, ContactEntry[]>();
  for (const entry of contacts.entries) {
    if (entry.tutorEmail === null) continue;
    const to = entry.tutorEmail.toLowerCase();
    byTutor.set(to, [...(byTutor.get(to) ?? []), entry]);
  }
  const weekLabel = formatBrDate(contacts.week);
  return [...byTutor.entries()].map(([to, entries]) => {
    const lines = entries.map(lineOf);
    const intro = tutorMailIntro(entries.length, weekLabel);
    return {
      to,
      subject: tutorMailSubject(entries.length, weekLabel),
      body: tutorMailText(intro, lines.map(tutorMailTextLine), spreadsheetUrl),
      htmlBody: tutorMailHtml(
        escapeHtml(intro),
        lines.map((line) => tutorMailHtmlLine(escapedLine(line))),
        escapeHtml(spreadsheetUrl),
      ),
    };
  });
}

/** A contact's fields, as the e-mail lists them. */
function lineOf(entry: ContactEntry): TutorMailLine {
  return {
    student: entry.student,
    cohort: entry.cohort,
    situation: entry.situation,
    reason: entry.reason,
    phone: entry.phone ?? '',
    whatsappUrl: entry.whatsappUrl ?? '',
    email: entry.email,
  };
}

function escapedLine(line: TutorMailLine): TutorMailLine {
  return {
    student: escapeHtml(line.student),
    cohort: escapeHtml(line.cohort),
    situation: escapeHtml(line.situation),
    reason: escapeHtml(line.reason),
    phone: escapeHtml(line.phone),
    whatsappUrl: escapeHtml(line.whatsappUrl),
    email: escapeHtml(line.email),
  };
}
