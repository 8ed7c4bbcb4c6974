// Messages of the command line (help, usage, options, where the data comes from, what each
// command did) and of the API address rule shared with Apps Script, in Brazilian Portuguese.
// Never the token, never a header value.

import { formatCount, formatDuration } from './numbers';

// ---- help and usage ------------------------------------------------------------------------

/** `cademi-monitor help` (and a bare `cademi-monitor`): every command, then the exit codes. */
export const CLI_HELP = `Progresso Cademi — acompanhamento semanal dos alunos por turma

uso:
  cademi-monitor demo [--out out/demo.xlsx] [--weeks 12]       demonstração com o simulador embutido
  cademi-monitor init <arquivo.xlsx>                           cria as abas de configuração
  cademi-monitor cohort add <arquivo.xlsx> --name N --tag ID --start AAAA-MM-DD --products 11,12,13
                        [--goal Padrão] [--tutor email] [--inactive]
  cademi-monitor cohort list <arquivo.xlsx>
  cademi-monitor cohort edit <arquivo.xlsx> <turma> [--name …] [--tag …] [--start …] [--products …] [--goal …] [--tutor …]
  cademi-monitor cohort archive <arquivo.xlsx> <turma>
  cademi-monitor student move <arquivo.xlsx> <aluno-id> --to <turma> --from-week AAAA-MM-DD [--reason …]
  cademi-monitor student dropout <arquivo.xlsx> <aluno-id> --date AAAA-MM-DD [--reason …]
  cademi-monitor sync <arquivo.xlsx> [--date AAAA-MM-DD]       coleta a semana (CADEMI_BASE_URL e CADEMI_TOKEN
                                                               para a API real; sem eles, o simulador embutido)
  cademi-monitor simulator [--port 8787] [--latency-ms 150] [--rate 2]

códigos de saída: 0 concluído · 1 a execução falhou · 2 uso incorreto ou configuração inválida
`;

/** A first word that is no command. */
export function unknownCommand(command: string): string {
  return `comando desconhecido "${command}" (veja cademi-monitor help)`;
}

/** `init` without exactly one file. */
export const INIT_USAGE = 'uso: cademi-monitor init <arquivo.xlsx>';

/** `cohort` without a file. */
export const COHORT_USAGE = 'uso: cademi-monitor cohort add|list|edit|archive <arquivo.xlsx> [opções]';

/** `cohort edit` without the cohort's name. */
export const COHORT_EDIT_USAGE =
  'uso: cademi-monitor cohort edit <arquivo.xlsx> <turma> [--name …] [--tag …] [--start …] [--products …] [--goal …] [--tutor …]';

/** `cohort archive` without exactly one cohort name. */
export const COHORT_ARCHIVE_USAGE = 'uso: cademi-monitor cohort archive <arquivo.xlsx> <turma>';

/** `student` without an action, a file and an id, or with an action's option missing. */
export const STUDENT_USAGE = `uso: cademi-monitor student move <arquivo.xlsx> <aluno-id> --to <turma> --from-week <AAAA-MM-DD> [--reason …]
     cademi-monitor student dropout <arquivo.xlsx> <aluno-id> --date <AAAA-MM-DD> [--reason …]`;

/** `sync` without exactly one file. */
export const SYNC_USAGE = 'uso: cademi-monitor sync <arquivo.xlsx> [--date AAAA-MM-DD]';

/** A `cohort` action that is not list, add, edit or archive. */
export function unknownCohortAction(action: string | undefined): string {
  return `ação desconhecida "${action}"; use list, add, edit ou archive`;
}

/** What Node's argument parser refused, from its error code. */
export type ArgumentProblem = 'unknown-option' | 'missing-value' | 'unexpected-value' | 'unexpected-argument' | 'other';

/** An option or argument the command refused, named by `quoted` (Node's own text is English: never shown). */
export function badArgument(problem: ArgumentProblem, quoted: string): string {
  switch (problem) {
    case 'unknown-option':
      return `opção desconhecida ${quoted} (veja cademi-monitor help)`;
    case 'missing-value':
      return `a opção ${quoted} precisa de um valor`;
    case 'unexpected-value':
      return `a opção ${quoted} não aceita valor`;
    case 'unexpected-argument':
      return `argumento a mais: "${quoted}" (veja cademi-monitor help)`;
    default:
      return 'opções inválidas (veja cademi-monitor help)';
  }
}

// ---- how a failure or a warning reads on stderr --------------------------------------------

/** A failed command's line (exit 1 or 2). */
export function errorLine(message: string): string {
  return `erro: ${message}`;
}

/** A config sheet the command cannot use (exit 2). */
export function configErrorLine(issues: readonly string[]): string {
  return `erro de configuração: ${issues.join('; ')}`;
}

/** A bug, not a bad input: the error's class and message only (CADEMI_DEBUG=1 adds the stack). */
export function unexpectedErrorLine(detail: string): string {
  return `erro inesperado: ${detail}. Nada pela metade foi salvo; se o erro se repetir, avise quem mantém o cademi-monitor.`;
}

/** Something the command did anyway, or a config problem it skipped. */
export function warningLine(message: string): string {
  return `aviso: ${message}`;
}

// ---- options -------------------------------------------------------------------------------

/** A whole-number option out of shape or range. */
export function badIntegerOption(name: string, text: string, min: number, max: number): string {
  return `${name} deve ser um número inteiro entre ${min} e ${max} (recebido "${text}")`;
}

/** A decimal option out of shape or range; `rule` is a numberRange. */
export function badNumberOption(name: string, text: string, rule: string): string {
  return `${name} deve ser um número ${rule} (recebido "${text}")`;
}

/** The range a decimal option must be in: `de 0 a 600000`, or `maior que 0 e até 1000` when the minimum is excluded. */
export function numberRange(min: number, max: number, minExcluded: boolean): string {
  return minExcluded ? `maior que ${min} e até ${max}` : `de ${min} a ${max}`;
}

/** A date option that is not a calendar date. */
export function badDateOption(name: string, text: string): string {
  return `${name} "${text}" não é uma data AAAA-MM-DD`;
}

/** A list of ids (e.g. --products) with something that is not a positive whole number. */
export function badIdListOption(name: string, text: string): string {
  return `${name} deve ser uma lista de números inteiros positivos separados por vírgula (recebido "${text}")`;
}

// ---- the API address (one rule for `URL da API`, CADEMI_BASE_URL and Apps Script) --------

/** Not an address at all (no scheme, spaces, a query …). */
export const BASE_URL_MALFORMED = 'não é um endereço https válido (ex.: https://SUAESCOLA.cademi.com.br/api/v1)';

/** Plain http to a host other than this machine: nothing would be encrypted on the way. */
export const BASE_URL_PLAIN_HTTP = 'usa http://, sem criptografia; use https:// (http:// só vale para 127.0.0.1, localhost ou [::1], o simulador local)';

/** The `URL da API` cell holds something the rule refuses; the run stops before any request. */
export function apiUrlCellInvalid(where: string): string {
  return `${where}. Corrija a célula URL da API na aba Configuração (um endereço https://); nada vai para a Cademi até lá.`;
}

/** The `URL da API` issue text, as parseSettingsSheet records it at the cell. */
export function apiUrlValueInvalid(value: string, problem: string): string {
  return `"${value}" ${problem}; corrija a célula (nada será coletado até lá)`;
}

/** CADEMI_BASE_URL holds something the rule refuses. */
export function envBaseUrlInvalid(problem: string): string {
  return `a variável CADEMI_BASE_URL ${problem}. Corrija-a (ou remova-a para usar a URL da API da aba Configuração) e rode de novo; nada foi coletado.`;
}

/** Said when a run uses the embedded simulator: only when no API is named anywhere. */
export const USING_EMBEDDED_SIMULATOR =
  'Sem URL da API na aba Configuração e sem CADEMI_BASE_URL: usando o simulador Cademi embutido (alunos inventados, só para testar).';

/** The simulator's port is taken (or reserved). */
export function portUnavailable(port: number): string {
  return `a porta ${port} já está em uso ou não pode ser aberta; escolha outra com --port (0 = qualquer porta livre)`;
}

/** A path option given empty. */
export function emptyPathOption(name: string): string {
  return `${name} precisa de um caminho de arquivo .xlsx`;
}

// ---- init ----------------------------------------------------------------------------------

/** `init` created config sheets; the next step is a cohort. */
export function configSheetsCreated(file: string, sheets: readonly string[]): string {
  return `${file}: abas criadas: ${sheets.join(', ')}. Próximo passo: cademi-monitor cohort add ${file} --name … --tag … --start … --products …`;
}

/** `init` on a workbook that already has them. */
export function configSheetsExisted(file: string): string {
  return `${file}: as abas de configuração já existiam; nada mudou.`;
}

// ---- cohort --------------------------------------------------------------------------------

/** One cohort as `cohort list` prints it (tab-separated; `—` for no goal or tutor). */
export function cohortListLine(cohort: {
  readonly name: string;
  readonly tagId: number;
  readonly start: string;
  readonly productIds: readonly number[];
  readonly goalTrack: string | null;
  readonly tutorEmail: string | null;
  readonly active: boolean;
}): string {
  return `${cohort.name}\ttag ${cohort.tagId}\tinício ${cohort.start}\tprodutos ${cohort.productIds.join(',')}\tmeta ${cohort.goalTrack ?? '—'}\ttutor ${cohort.tutorEmail ?? '—'}\t${cohort.active ? 'ativa' : 'arquivada'}`;
}

/** `cohort add` without a required option. */
export function missingOptions(options: readonly string[]): string {
  return `faltam opções: ${options.join(', ')}`;
}

/** The workbook has no cohorts sheet to add to. */
export function noCohortsSheet(file: string, sheet: string): string {
  return `${file} não tem a aba ${sheet}; rode "cademi-monitor init ${file}"`;
}

/** `cohort add` wrote the row. */
export function cohortAdded(name: string, tagId: number, start: string, productIds: readonly number[]): string {
  return `Turma "${name}" adicionada (tag ${tagId}, início ${start}, produtos ${productIds.join(',')}).`;
}

/** `cohort edit` names a cohort that `Turmas` does not have (or holds with an error). */
export function cohortToEditMissing(name: string): string {
  return `a turma "${name}" não existe (ou está com erro) em Turmas`;
}

/** A refused edit or archive: the option the problem is about (none for the whole row), then the problem. */
export function cohortFieldProblem(option: string | null, message: string): string {
  return option ? `${option}: ${message}` : message;
}

/** `cohort edit` saved the row. */
export function cohortUpdated(name: string): string {
  return `Turma "${name}" atualizada.`;
}

/** `cohort archive` set `Ativa = Não`. */
export function cohortArchived(name: string): string {
  return `Turma "${name}" arquivada (histórico e abas preservados).`;
}

// ---- student -------------------------------------------------------------------------------

/** The student id argument is not a positive whole number. */
export function notAStudentId(text: string): string {
  return `"${text}" não é um ID de aluno`;
}

/** An adjustment for a student no sync has seen yet. */
export function studentNotInHistory(studentId: number): string {
  return `aluno ${studentId} não está no Histórico (sincronize antes)`;
}

/** `student move --to` names no active cohort. */
export function moveTargetUnavailable(cohort: string): string {
  return `a turma "${cohort}" não existe ou está arquivada`;
}

/** `student move` recorded the move in `Ajustes`. */
export function studentMoved(name: string, studentId: number, from: string, to: string, date: string): string {
  return `${name} (${studentId}): ${from} → ${to} a partir de ${date}.`;
}

/** `student dropout` recorded the dropout in `Ajustes`. */
export function studentDroppedOut(name: string, studentId: number, date: string): string {
  return `${name} (${studentId}): desistência em ${date}.`;
}

// ---- sync ----------------------------------------------------------------------------------

/** An API is named but CADEMI_TOKEN is not set. */
export const TOKEN_ENV_MISSING = 'defina CADEMI_TOKEN com a chave da API Cademi (ela nunca é gravada na planilha)';

/** The API a sync talks to (the address only: never the token). */
export function usingApi(baseUrl: string): string {
  return `API Cademi: ${baseUrl}`;
}

/** The progress bar's label during a sync. */
export const SYNC_PROGRESS_LABEL = 'Sincronizando';

/** The progress bar while the cohorts' students are still being listed (no total yet). */
export function listingProgress(label: string, calls: number): string {
  return `${label} listando alunos das turmas… ${calls} chamadas`;
}

/** What a week's run counted. */
export interface WeekCounts {
  readonly cohorts: number;
  readonly students: number;
  readonly rows: number;
  readonly calls: number;
  readonly carried: number;
}

/** The line a sync (and each demo week) ends with; on the simulator, simulated API time and real time. */
export function weekSummary(week: string, counts: WeekCounts, time: { readonly realMs: number; readonly simulatedApiMs?: number }): string {
  const spent =
    time.simulatedApiMs === undefined
      ? formatDuration(time.realMs)
      : `${formatDuration(time.simulatedApiMs)} de API simulada, ${formatDuration(time.realMs)} reais`;
  return (
    `Semana ${week}: ${counts.cohorts} turmas, ${formatCount(counts.students)} alunos, ${formatCount(counts.rows)} linhas; ` +
    `${formatCount(counts.calls)} chamadas, ${formatCount(counts.carried)} evitadas pela regra incremental; ${spent}`
  );
}

/** The optional BigQuery copy, after the workbook was saved. */
export function bigQueryWeekCopied(week: string, inserted: number, replaced: number): string {
  return `BigQuery: semana ${week} copiada (${inserted} linhas${replaced ? `, ${replaced} substituídas` : ''}).`;
}

/** The BigQuery copy failed; the week is safe in the workbook. */
export function bigQueryCopyFailedCli(reason: string): string {
  return `BigQuery: a cópia falhou (${reason}); a planilha foi salva e a próxima execução tenta de novo.`;
}

// ---- simulator -----------------------------------------------------------------------------

/** `simulator` is serving. */
export function simulatorListening(url: string, token: string, ratePerSecond: number): string {
  return `Simulador Cademi em ${url} (token: ${token}, ${ratePerSecond} req/s). Ctrl+C para parar.`;
}

/** How to point a sync at the running simulator. */
export function simulatorExample(url: string, token: string): string {
  return `Ex.: CADEMI_BASE_URL=${url} CADEMI_TOKEN=${token} cademi-monitor sync escola.xlsx`;
}

// ---- demo ----------------------------------------------------------------------------------

/** `demo` starts: the simulated school and the weeks it runs. */
export function demoStarted(cohorts: number, weeks: number, firstMonday: string): string {
  return `Demonstração: simulador Cademi embutido, ${cohorts} turmas, ${weeks} semanas a partir de ${firstMonday}.`;
}

/** The progress bar's label for one demo week. */
export function demoWeekLabel(week: number, weeks: number): string {
  return `Semana ${week}/${weeks}`;
}

/** `demo` is done: the files it wrote and what the API cost in simulated time. */
export function demoFinished(done: {
  readonly out: string;
  readonly historyRows: number;
  readonly historySheet: string;
  readonly preview: string;
  readonly calls: number;
  readonly carried: number;
  readonly simulatedApiMs: number;
  readonly requestsPerSecond: number;
  readonly realMs: number;
}): string {
  return (
    `Pronto: ${done.out} (${formatCount(done.historyRows)} linhas em ${done.historySheet}) e ${done.preview}. ` +
    `${formatCount(done.calls)} chamadas à API (${formatCount(done.carried)} evitadas), ` +
    `${formatDuration(done.simulatedApiMs)} de API simulada a ${done.requestsPerSecond} req/s, ${formatDuration(done.realMs)} reais.`
  );
}
