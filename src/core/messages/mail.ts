// The tutors' weekly e-mail (their own contact list), in Brazilian Portuguese. Student names, cohorts
// and e-mails come from the API: the HTML forms take them already escaped.

import { countOf } from './numbers';
import { PRODUCT_NAME } from './product';

/** What the run log calls the batch of tutors' e-mails. */
export const TUTOR_LISTS_TITLE = 'Listas dos tutores';

/** The subject (`weekLabel` as dd/mm/aaaa). */
export function tutorMailSubject(count: number, weekLabel: string): string {
  return `${PRODUCT_NAME}: ${countOf(count, 'aluno', 'alunos')} para contatar (semana de ${weekLabel})`;
}

/** The opening paragraph. */
export function tutorMailIntro(count: number, weekLabel: string): string {
  return `Alunos para contatar na semana de ${weekLabel} (${count}). Registre o contato nas colunas "Contato em" e "Resultado" da aba Contatos da semana.`;
}

/** One contact of the list, as `Contatos da semana` has it (a blank `reason` or `phone` is left out). */
export interface TutorMailLine {
  readonly student: string;
  readonly cohort: string;
  readonly situation: string;
  /** `Motivo`: "10 dias sem acesso", "sem avanço há 2 semanas"… */
  readonly reason: string;
  /** Cademi's `celular`, '' when none or hidden (`Mostrar celular = Não`). */
  readonly phone: string;
  /** The WhatsApp link of `phone` (HTML body only), '' when none. */
  readonly whatsappUrl: string;
  readonly email: string;
}

/** One contact in the plain-text body. */
export function tutorMailTextLine(line: TutorMailLine): string {
  return (
    `- ${line.student} (${line.cohort}): ${line.situation}` +
    `${line.reason ? `, ${line.reason}` : ''}` +
    `${line.phone ? `; celular ${line.phone}` : ''}; ${line.email}`
  );
}

/** One contact in the HTML body (every field already escaped). */
export function tutorMailHtmlLine(line: TutorMailLine): string {
  const phone = line.phone && line.whatsappUrl ? `<a href="${line.whatsappUrl}">${line.phone}</a> (WhatsApp)` : line.phone;
  return (
    `<li><b>${line.student}</b> (${line.cohort}): ${line.situation}` +
    `${line.reason ? `, ${line.reason}` : ''}` +
    `${phone ? ` — celular ${phone}` : ''}` +
    ` — ${line.email}</li>`
  );
}

/** The plain-text body. */
export function tutorMailText(intro: string, lines: readonly string[], spreadsheetUrl: string): string {
  return `${intro}\n\n${lines.join('\n')}\n\n${spreadsheetUrl}`;
}

/** The HTML body (intro and URL already escaped). */
export function tutorMailHtml(intro: string, items: readonly string[], spreadsheetUrl: string): string {
  return `<p>${intro}</p><ul>${items.join('')}</ul><p><a href="${spreadsheetUrl}">Abrir a planilha</a></p>`;
}
