// The tutors' weekly e-mail (their own contact list), in Brazilian Portuguese. Student names, cohorts
// and e-mails come from the API: the HTML forms take them already escaped.

import { PRODUCT_NAME } from './product';

/** What the run log calls the batch of tutors' e-mails. */
export const TUTOR_LISTS_TITLE = 'Listas dos tutores';

/** The subject (`weekLabel` as dd/mm/aaaa). */
export function tutorMailSubject(count: number, weekLabel: string): string {
  return `${PRODUCT_NAME}: ${count} aluno(s) para contatar (semana de ${weekLabel})`;
}

/** The opening paragraph. */
export function tutorMailIntro(count: number, weekLabel: string): string {
  return `Alunos para contatar na semana de ${weekLabel} (${count}). Registre o contato nas colunas "Contato em" e "Resultado" da aba Contatos da semana.`;
}

/** One contact of the list, as `Contatos da semana` has it (blank `change` or `days` are left out). */
export interface TutorMailLine {
  readonly student: string;
  readonly cohort: string;
  readonly situation: string;
  readonly change: string;
  readonly days: string;
  readonly email: string;
}

/** One contact in the plain-text body. */
export function tutorMailTextLine(line: TutorMailLine): string {
  return (
    `- ${line.student} (${line.cohort}): ${line.situation}` +
    `${line.change ? `, ${line.change}` : ''}` +
    `${line.days ? `, ${line.days} dias sem acesso` : ''}; ${line.email}`
  );
}

/** One contact in the HTML body (every field already escaped). */
export function tutorMailHtmlLine(line: TutorMailLine): string {
  return (
    `<li><b>${line.student}</b> (${line.cohort}): ${line.situation}` +
    `${line.change ? `, ${line.change}` : ''}` +
    `${line.days ? `, ${line.days} dias sem acesso` : ''}` +
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
