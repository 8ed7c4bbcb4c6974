// Each tutor's own contact list for the week, as an e-mail: one message per tutor, only their students.

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
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
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
    const lines = rows.map((row) =>
      `- ${text(row[column('Aluno')])} (${text(row[column('Turma')])}): ${text(row[column('Situação')])}` +
      `${text(row[column('Mudança')]) ? `, ${text(row[column('Mudança')])}` : ''}` +
      `${text(row[column('Dias sem acesso')]) ? `, ${text(row[column('Dias sem acesso')])} dias sem acesso` : ''}; ${text(row[column('E-mail')])}`,
    );
    const items = rows.map((row) =>
      `<li><b>${escapeHtml(text(row[column('Aluno')]))}</b> (${escapeHtml(text(row[column('Turma')]))}): ${escapeHtml(text(row[column('Situação')]))}` +
      `${text(row[column('Mudança')]) ? `, ${escapeHtml(text(row[column('Mudança')]))}` : ''}` +
      `${text(row[column('Dias sem acesso')]) ? `, ${escapeHtml(text(row[column('Dias sem acesso')]))} dias sem acesso` : ''}` +
      ` — ${escapeHtml(text(row[column('E-mail')]))}</li>`,
    );
    const intro = `Alunos para contatar na semana de ${weekLabel} (${rows.length}). Registre o contato nas colunas "Contato em" e "Resultado" da aba Contatos da semana.`;
    return {
      to,
      subject: `Progresso Cademi: ${rows.length} aluno(s) para contatar (semana de ${weekLabel})`,
      body: `${intro}\n\n${lines.join('\n')}\n\n${spreadsheetUrl}`,
      htmlBody: `<p>${escapeHtml(intro)}</p><ul>${items.join('')}</ul><p><a href="${escapeHtml(spreadsheetUrl)}">Abrir a planilha</a></p>`,
    };
  });
}
