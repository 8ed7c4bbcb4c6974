// Sentences of `Contatos da semana`, the list a tutor acts on: its title, the tutors' bands, the link
// and the help of the typed columns, and `Motivo` (why a student has their `Situação`, in words a
// tutor can check against the row's own numbers). Headers and the `Resultado` choices are vocabulary
// and stay with the table (report/contacts.ts).

import { formatBrDate, formatBrDateTime } from '../time/pt-br-dates';
import { countOf } from './numbers';

/** Between the parts of a title, a band or a `Motivo`. */
export const PART_SEPARATOR = ' · ';

// ---- `Motivo` ----------------------------------------------------------------------------------

/** Whole days since the last access, as `Dias sem acesso` shows them. */
export function daysWithoutAccessReason(days: number): string {
  return `${countOf(days, 'dia', 'dias')} sem acesso`;
}

/** No access on record (`Dias sem acesso` is blank). */
export const NEVER_ACCESSED = 'nunca acessou';

/** The mean did not rise for some recorded weeks in a row. */
export function noProgressReason(weeks: number): string {
  return `sem avanço há ${countOf(weeks, 'semana', 'semanas')}`;
}

/** `Esperado (%)` minus `Progresso (%)` as both are shown (one decimal, `17,5`). */
export function pointsBelowExpectedReason(points: number): string {
  const shown = String(Math.round(points * 10) / 10).replace('.', ',');
  return `${shown} ${points === 1 ? 'ponto' : 'pontos'} abaixo do esperado`;
}

/** A cohort without a goal track: nothing to be behind of. */
export const NO_GOAL = 'turma sem meta';

/**
 * The situation was set at collection from figures the row no longer reproduces under the current
 * `Configuração` limits (they changed since, or the student's weeks were counted in another cohort).
 */
export const SITUATION_FROM_COLLECTION = 'situação da coleta; os números atuais não a repetem com os limites de Configuração';

// ---- the sheet ---------------------------------------------------------------------------------

/** Row 1: the week listed and when its data was collected. */
export function contactsTitle(week: string, collectedAt: number, timeZone: string): string {
  return `Contatos da semana de ${formatBrDate(week)}${PART_SEPARATOR}atualizado em ${formatBrDateTime(collectedAt, timeZone)}`;
}

/** Row 1 before the first completed week. */
export const CONTACTS_TITLE_EMPTY = 'Contatos da semana: nenhuma semana coletada ainda';

/** The band above a tutor's students: `Ana Souza · ana@escola.com.br · 3 alunos` (the parts it has). */
export function tutorBand(name: string | null, email: string | null, students: number): string {
  const who = [name, email].filter((part): part is string => part !== null && part !== '');
  return [...(who.length > 0 ? who : [NO_TUTOR]), countOf(students, 'aluno', 'alunos')].join(PART_SEPARATOR);
}

/** The band of the cohorts whose `Tutor` cell is empty (listed last, for the coordinator). */
export const NO_TUTOR = 'Sem tutor';

/** The band above notes typed in an earlier week's list, kept below this week's. */
export function earlierNotesBand(week: string): string {
  return `Anotações da semana de ${formatBrDate(week)}`;
}

/** The band above notes of this week about students the list no longer holds (a re-run changed it). */
export const NOTES_OFF_THE_LIST = 'Anotações desta semana de alunos que saíram da lista';

/** The band above kept notes whose week cannot be read. */
export const NOTES_WITHOUT_WEEK = 'Anotações sem semana';

/** The text of a cell that opens a chat with the student. */
export const WHATSAPP_LINK_TEXT = 'Abrir WhatsApp';

/** Shown by both hosts when `Contato em` gets something other than a date. */
export const CONTACT_DATE_HELP = 'Digite a data do contato (dd/mm/aaaa).';

/** Shown by both hosts when `Resultado` gets something off its list. */
export const CONTACT_RESULT_HELP = 'Escolha o resultado do contato na lista.';
