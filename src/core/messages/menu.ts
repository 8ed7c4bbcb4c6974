// What the Apps Script host says to the person at the spreadsheet: the menu's toasts, alerts and
// dialogs, the sidebar's run status, the first-run self-check and the sidebar server's refusals,
// in Brazilian Portuguese. Menu captions are vocabulary (src/gas/menu.ts); the token dialog's
// sentences are in cademi.ts, the automation's in automation.ts, and the sentences the sidebar
// shares (a failed run, no run yet) in sidebar.ts.

import { formatBrDate } from '../time/pt-br-dates';
import { ADD_TO_ALLOWLIST } from './alerts';
import { countOf } from './numbers';

// ---- "Atualizar agora" and the run's progress ---------------------------------------------------

/** The toast as a run starts. */
export const RUN_STARTED_TOAST = 'Atualização iniciada…';

/** The toast as an unfinished run goes on. */
export function runContinuingToast(week: string): string {
  return `Continuando a atualização da semana ${formatBrDate(week)}…`;
}

/** While the cohorts' students are still being listed (no total yet): toast and sidebar. */
export const LISTING_STUDENTS = 'Listando os alunos das turmas…';

/** The toast every few seconds of a run. */
export function progressToast(settled: number, total: number, percent: number): string {
  return `Progresso: ${settled} de ${total} (${percent}%)`;
}

/** The sidebar's status while a slice collects. */
export function collectingStatus(settled: number, total: number, percent: number): string {
  return `Coletando: ${settled} de ${total} (${percent}%)`;
}

/** The sidebar's status between slices. */
export const PAUSED_STATUS = 'Em andamento: continua automaticamente em alguns minutos.';

/** A click while a slice runs. */
export const RUN_BUSY = 'Uma atualização já está em andamento. Ela continua sozinha; acompanhe em "Ver execuções".';

/** A slice ended with work left: the tick goes on. */
export function runPausedToast(week: string, settled: number, total: number): string {
  return `Semana ${formatBrDate(week)}: ${settled} de ${total} coletados. A atualização continua automaticamente em alguns minutos.`;
}

/** The week was written. */
export function runCompletedToast(week: string, students: number, calls: number, carried: number): string {
  return `Semana ${formatBrDate(week)} concluída: ${countOf(students, 'aluno', 'alunos')}, ${countOf(calls, 'chamada', 'chamadas')} (${countOf(carried, 'valor mantido', 'valores mantidos')} sem chamada).`;
}

/** A click while the run waits for UrlFetch's quota to renew. */
export const WAITING_FOR_QUOTA = 'A cota diária de chamadas externas do Apps Script acabou. A atualização em andamento continua automaticamente amanhã.';

// ---- "Configurar alertas do Slack…" -------------------------------------------------------------

/** The dialog's title. */
export const SLACK_DIALOG_TITLE = 'Alertas no Slack';

/** The dialog's prompt (`current`: the saved webhook's last characters, or null). */
export function slackDialogPrompt(current: string | null): string {
  return `Cole a URL do webhook de entrada do Slack (vazio remove). Atual: ${current ? `…${current}` : '(nenhum)'}.\nAlertas por e-mail usam "E-mail para alertas" na aba Configuração.`;
}

/** An empty answer removed the webhook. */
export const SLACK_DISABLED = 'Alertas no Slack desativados.';

/** The webhook was saved (`end`: its last characters only, it is a secret). */
export function webhookSaved(end: string): string {
  return `Webhook salvo (…${end}).`;
}

/** The webhook was refused (`problem` is the catalogue's own sentence). */
export function webhookNotSaved(problem: string): string {
  return `Webhook não salvo: ${problem}`;
}

// ---- the sidebar ---------------------------------------------------------------------------------

/** The sidebar's title. */
export const SIDEBAR_TITLE = 'Gerenciar turmas';

/** A call to a function the sidebar may not reach. */
export const SIDEBAR_FUNCTION_UNAVAILABLE = 'Função não disponível para a barra lateral.';

/** The sidebar's Cademi look-ups (tags, products, possible dropouts) call v1 endpoints; a v3 key has none of them. */
export const SIDEBAR_NEEDS_V1 =
  'Com a API v3 da Cademi (chave ck_live_… ou Versão da API = v3), a barra lateral ainda não consulta a Cademi: ' +
  'a lista de tags e de produtos e a busca de possíveis desistências usam a API v1. ' +
  'Preencha os IDs da tag (tag_…) e dos produtos (prd_…) direto na aba Turmas.';

/** Arguments the server refused: the method, the argument's path, and our own rule's words when it has them. */
export function sidebarArgumentsInvalid(method: string, path: string, problem: string | null): string {
  return `Dados inválidos para ${method} (${path || 'argumentos'}${problem ? `: ${problem}` : ''}).`;
}

// ---- the first-run self-check ---------------------------------------------------------------

/** Intl and Apps Script disagree on a time zone's wall clock. */
export function timeZoneDisagrees(timeZone: string, ours: string, platform: string): string {
  return `o fuso horário "${timeZone}" dá ${ours} no Intl e ${platform} no Apps Script; as semanas sairiam erradas. Escolha um fuso da lista em Arquivo › Configurações e em "Fuso horário" na aba Configuração.`;
}

/** A time zone Intl does not know. */
export function timeZoneUnknown(timeZone: string): string {
  return `o fuso horário "${timeZone}" não é reconhecido pelo Intl do Apps Script. Escolha um fuso da lista (ex.: America/Sao_Paulo) em Arquivo › Configurações e na aba Configuração.`;
}

/** Scopes the person unticked at consent (short names). */
export function scopesMissing(scopes: readonly string[]): string {
  return `faltam permissões que você não concedeu: ${scopes.join(', ')}. Rode de novo uma ação do menu e marque todas as permissões na tela do Google.`;
}

/** `URL da API` outside the manifest's allowlist (`origin`: scheme and host only). */
export function apiUrlNotAllowlisted(origin: string, allowlist: readonly string[]): string {
  return `a "URL da API" (${origin}) não está entre os endereços permitidos do projeto (${allowlist.join(', ')}). Use https://SUAESCOLA.cademi.com.br/api/v1 ou ${ADD_TO_ALLOWLIST}`;
}

/** What stops the product, before the first action. */
export function selfCheckFailed(problems: readonly string[]): string {
  return `Antes de começar, é preciso corrigir:\n\n- ${problems.join('\n- ')}`;
}
