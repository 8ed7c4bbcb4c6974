// What the coordinator sidebar (src/ui) says, in Brazilian Portuguese, panel by panel in the order
// the sidebar shows them. Plain constants and functions of already formatted values (dates as
// dd/mm/aaaa): the browser bundle imports this file, so it imports only numbers.ts (which imports nothing).
// The static labels of the page are in src/ui/sidebar.html; server answers arrive already in pt-BR.

import { countOf, formatCount, plural } from './numbers';

/** Counts the sidebar shows alone (a cohort's students): `1.500`. */
export { formatCount };

// ---- Atualização ---------------------------------------------------------------------------

/** The state of the current run, as the progress line starts. */
export const RUN_STATE_LABEL: Readonly<Record<'idle' | 'running' | 'paused' | 'failed', string>> = {
  idle: 'Concluída',
  running: 'Em andamento',
  paused: 'Pausada (continua em instantes)',
  failed: 'Falhou',
};

/** The progress line under the bar: state, then the week, the students settled and the server's message when known. */
export function runProgressText(state: string, week: string | null, settled: number, total: number, message: string): string {
  const counts = total > 0 ? ` · ${formatCount(settled)}/${countOf(total, 'aluno', 'alunos')}` : '';
  const shownWeek = week ? ` · semana ${week}` : '';
  return `${state}${shownWeek}${counts}${message ? ` — ${message}` : ''}`;
}

/** `Atualizar agora` was clicked and the server started the run. */
export const RUN_STARTED = 'Atualização iniciada.';

/** The run the sidebar followed ended well. */
export const RUN_FINISHED = 'Atualização concluída.';

/** The run the sidebar followed failed. */
export function runFailed(message: string): string {
  return `A atualização falhou: ${message || 'sem detalhes'}`;
}

/** One entry of `Últimas execuções`, after its outcome. */
export function runListDetail(startedAt: string, week: string): string {
  return ` · ${startedAt} · semana ${week}`;
}

/** `Últimas execuções` before the first run. */
export const NO_RUNS = 'Nenhuma execução registrada.';

// ---- Turmas --------------------------------------------------------------------------------

/** The labels of a cohort card's facts. */
export const COHORT_FACT = {
  tag: 'Tag',
  start: 'Início',
  products: 'Produtos',
  goal: 'Meta',
  tutor: 'Tutor',
  students: 'Alunos',
  lastWeek: 'Última semana',
} as const;

/** A cohort without a goal track (card and form). */
export const NO_GOAL = 'sem meta';

/** The badge of an active cohort without a goal track, and what it means. */
export const NO_GOAL_BADGE = 'sem meta';
export const NO_GOAL_BADGE_TITLE = 'Sem meta de progresso, a turma não recebe alertas de ritmo. Edite a turma para escolher uma.';

/** A cohort no sync has collected yet. */
export const NOT_SYNCED_YET = 'ainda não sincronizada';

/** The badge of an archived cohort. */
export const ARCHIVED_BADGE = 'arquivada';

/** A cohort card's edit button. */
export const EDIT = 'Editar';

/** The edit button's accessible name. */
export function editCohortLabel(name: string): string {
  return `Editar turma ${name}`;
}

/** A cohort card's archive button (and the confirmation's). */
export const ARCHIVE = 'Arquivar';

/** The archive button's accessible name. */
export function archiveCohortLabel(name: string): string {
  return `Arquivar turma ${name}`;
}

/** The archive confirmation's accessible name. */
export function archiveConfirmLabel(name: string): string {
  return `Confirmar arquivamento de ${name}`;
}

/** The archive confirmation's question. */
export function archiveQuestion(name: string): string {
  return `Arquivar a turma ${name}? Ela deixa de ser atualizada; o histórico é mantido.`;
}

/** Any confirmation's way out. */
export const CANCEL = 'Cancelar';

/** The cohort was archived. */
export function cohortArchived(name: string): string {
  return `Turma “${name}” arquivada.`;
}

/** `Turmas` has no cohort yet. */
export const NO_COHORTS = 'Nenhuma turma cadastrada. Use “Nova turma”.';

// ---- Nova turma / editar turma -------------------------------------------------------------

/** The form's heading for a new cohort. */
export const NEW_COHORT_TITLE = 'Nova turma';

/** The form's submit button for a new cohort. */
export const CREATE_COHORT = 'Criar turma';

/** The form's heading for an edit. */
export function editCohortTitle(name: string): string {
  return `Editar turma ${name}`;
}

/** The form's submit button for an edit. */
export const SAVE_CHANGES = 'Salvar alterações';

/** The tag list's first choice, once tags are loaded. */
export const CHOOSE_TAG = 'Escolha uma tag…';

/** The tag list's only choice when no tag is loaded (no token yet). */
export const NO_TAGS_LOADED = 'Nenhuma tag carregada';

/** A tag in the list: its Cademi name and id. */
export function tagChoice(name: string, tagId: number | string): string {
  return `${name} (#${tagId})`;
}

/** The cohort's own tag when the catalogue does not list it. */
export function unknownTagChoice(tagId: number | string): string {
  return `Tag #${tagId}`;
}

/** Under the goal list of a new cohort: the school's default track, already chosen. */
export function defaultGoalNote(track: string): string {
  return `Meta padrão da escola: ${track}`;
}

/** Under the goal list of a new cohort when the school has no default track (`reason` from the config's catalogue). */
export function noDefaultGoal(reason: string): string {
  return `Sem meta padrão: ${reason}. Escolha uma meta para a turma ter alertas de ritmo.`;
}

/** No product to choose from (no token, or the catalogue not loaded). */
export const NO_PRODUCTS_LOADED = 'Nenhum produto carregado.';

/** A new cohort was saved. */
export function cohortCreated(name: string): string {
  return `Turma “${name}” criada.`;
}

/** An edited cohort was saved. */
export function cohortUpdated(name: string): string {
  return `Turma “${name}” atualizada.`;
}

// ---- date fields (Início, A partir da semana de, Data da desistência) ------------------------

/** A date field left empty. */
export const DATE_REQUIRED = 'Informe a data no formato dd/mm/aaaa.';

/** A date field holding something that is no calendar date. */
export function dateNotRecognized(typed: string): string {
  return `“${typed}” não é uma data válida: use dd/mm/aaaa, por exemplo 21/09/2026.`;
}

// ---- Mover aluno / Marcar desistência ------------------------------------------------------

/** A search shorter than the minimum. */
export function typeAtLeast(characters: number): string {
  return `Digite ao menos ${characters} caracteres.`;
}

/** While the server searches. */
export const SEARCHING = 'Buscando…';

/** A search that found nobody. */
export const NO_STUDENTS_FOUND = 'Nenhum aluno encontrado.';

/** A search's count of matches. */
export function studentsFound(count: number): string {
  return `${countOf(count, 'aluno', 'alunos')} ${plural(count, 'encontrado', 'encontrados')}.`;
}

/** A found or selected student: e-mail and cohort. */
export function studentDetail(email: string, cohort: string): string {
  return `${email} · ${cohort || 'sem turma'}`;
}

/** A student was picked from the results. */
export function studentSelected(name: string): string {
  return `Aluno selecionado: ${name}.`;
}

/** The move form's first target choice. */
export const CHOOSE_COHORT = 'Escolha a turma…';

/** A move submitted without a target cohort. */
export const TARGET_COHORT_REQUIRED = 'Escolha a turma de destino.';

/** The outcome box's heading after a move. */
export const STUDENT_MOVED = 'Aluno movido';

/** The outcome box's heading after a dropout (and a confirmed possible dropout's badge). */
export const DROPOUT_RECORDED = 'Desistência registrada';

/** The reason of an adjustment, under it. */
export function adjustmentReason(reason: string): string {
  return `Motivo: ${reason}`;
}

/** An adjustment was recorded (move, dropout, confirmed possible dropout). */
export function adjustmentRecorded(description: string): string {
  return `Ajuste registrado: ${description}`;
}

/** What a move did: `Ana: Turma A → Turma B (a partir de 14/09/2026)`. */
export function moveDescription(name: string, from: string, to: string, date: string): string {
  return `${name}: ${from} → ${to} (a partir de ${date})`;
}

/** What a dropout did: `Ana: desistência em 02/10/2026 (Turma A)`. */
export function dropoutDescription(name: string, date: string, cohort: string): string {
  return `${name}: desistência em ${date} (${cohort})`;
}

// ---- Possíveis desistências ----------------------------------------------------------------

/** The note while the server asks Cademi about every student. */
export const CHECKING_ACCESS_NOTE = 'Consultando a Cademi… pode levar alguns instantes.';

/** The check button's caption while it works. */
export const CHECKING = 'Consultando…';

/** A check that found nobody whose access ended. */
export const NO_POSSIBLE_DROPOUTS = 'Nenhuma possível desistência encontrada.';

/** A check's count of students whose access ended. */
export function studentsWithEndedAccess(count: number): string {
  return `${countOf(count, 'aluno', 'alunos')} com acesso encerrado.`;
}

/** How long a possible dropout has been away. */
export function daysWithoutAccess(days: number | null): string {
  return days === null ? 'sem acesso registrado' : `${countOf(days, 'dia', 'dias')} sem acessar`;
}

/** A possible dropout's card: e-mail, cohort and days away. */
export function possibleDropoutDetail(email: string, cohort: string, days: string): string {
  return `${email} · ${cohort} · ${days}`;
}

/** The products whose access ended. */
export function accessEnded(products: readonly string[]): string {
  return `Acesso encerrado: ${products.join(', ') || '—'}`;
}

/** A possible dropout's button. */
export const CONFIRM_DROPOUT = 'Confirmar desistência';

/** That button's accessible name. */
export function confirmDropoutLabel(name: string): string {
  return `Confirmar desistência de ${name}`;
}

/** While the dropout is being recorded. */
export const RECORDING = 'Registrando…';

/** The reason written in `Ajustes` for a confirmed possible dropout. */
export const ENDED_ACCESS_REASON = 'Acesso encerrado na Cademi';

// ---- Ajustes -------------------------------------------------------------------------------

/** Who made an adjustment, after its reason. */
export function adjustmentBy(by: string): string {
  return `por ${by}`;
}

/** The badge of an undone adjustment. */
export const UNDONE_BADGE = 'desfeito';

/** An adjustment's undo button. */
export const UNDO = 'Desfazer';

/** The undo button's accessible name. */
export function undoLabel(name: string): string {
  return `Desfazer ajuste de ${name}`;
}

/** The undo button's caption while it works. */
export const UNDOING = 'Desfazendo…';

/** The adjustment was undone. */
export function adjustmentUndone(description: string): string {
  return `Ajuste desfeito: ${description}`;
}

/** `Ajustes` is empty. */
export const NO_ADJUSTMENTS = 'Nenhum ajuste registrado.';

// ---- the message area and the server ---------------------------------------------------------

/** The error box's close button. */
export const CLOSE = 'Fechar';

/** The close button's accessible name. */
export const CLOSE_ERROR_LABEL = 'Fechar mensagem de erro';

/** The page was opened outside Sheets (no google.script.run). */
export const NOT_IN_SHEETS = 'google.script.run não está disponível: abra esta barra lateral pelo menu da planilha.';

/** A server failure that carried no message. */
export const SERVER_ERROR_WITHOUT_MESSAGE = 'O servidor respondeu com um erro sem mensagem.';
