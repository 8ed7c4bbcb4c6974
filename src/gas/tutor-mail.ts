// After a completed week, each tutor gets their own contact list (when `Configuração` asks for it).

import type { WeeklyContacts } from '../core/report/contacts';
import { tutorMessages } from '../core/report/tutor-mail';

/** Sends one message per tutor within MailApp's daily quota; returns a line for the run log. */
export function mailTutors(contacts: WeeklyContacts, spreadsheetUrl: string): string {
  const messages = tutorMessages(contacts, spreadsheetUrl);
  if (messages.length === 0) return '';
  const quota = MailApp.getRemainingDailyQuota();
  const sendable = messages.slice(0, Math.max(0, quota));
  for (const message of sendable) {
    MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, htmlBody: message.htmlBody, name: 'Progresso Cademi' });
  }
  const skipped = messages.length - sendable.length;
  return skipped > 0
    ? `Listas enviadas a ${sendable.length} tutores; ${skipped} ficaram sem e-mail (cota diária do MailApp esgotada).`
    : `Listas enviadas a ${sendable.length} tutores.`;
}
