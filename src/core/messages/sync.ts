// Messages of the weekly run (collection, waits, the week's write), in Brazilian Portuguese.
// They take ids, cohort names, field names, endpoints and URLs without their query: never a
// response body, a header value or the token.

import { formatBrDate } from '../time/pt-br-dates';
import { wallTimeOf } from '../time/zoned';
import { countOf, plural } from './numbers';

const pad2 = (value: number) => String(value).padStart(2, '0');

/** A wait as people say it: `45 s`, `1 min 30 s`, `12 min`, `2 h`, `3 h 20 min`, `2 dias e 4 h`. Rounded up, never "0 s". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 600 && seconds % 60 !== 0) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  if (hours < 48) return restMinutes === 0 ? `${hours} h` : `${hours} h ${restMinutes} min`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} dias` : `${days} dias e ${restHours} h`;
}

/** An instant on the school's wall clock: `09:05 de 14/09/2026`. */
export function formatInstant(epochMs: number, timeZone: string): string {
  const wall = wallTimeOf(epochMs, timeZone);
  return `${pad2(wall.hour)}:${pad2(wall.minute)} de ${pad2(wall.day)}/${pad2(wall.month)}/${wall.year}`;
}

// ---- what was collected ------------------------------------------------------------------

/** A URL that does not parse, where a message would show it. */
export const UNREADABLE_ADDRESS = '(endereço ilegível)';

/** A 404 without Cademi's own answer: the address is not an API endpoint (wrong base URL, a proxy page). */
export function endpointMissing(url: string): string {
  return (
    `O endereço ${url} não existe (HTTP 404 sem a resposta padrão da Cademi): a URL da API está errada ` +
    '(ela termina em /api/v1) ou o servidor está fora do ar ou em manutenção. Nada desta semana foi gravado no Histórico; ' +
    'confira a URL da API e tente de novo.'
  );
}

/** Why a cohort was not collected, for the run's failure message. */
export function unknownTagReason(tagId: number | string): string {
  return `a tag ${tagId} não existe na Cademi; confira o Tag ID em Turmas`;
}

/** A cohort left out of this run, and why (a warning of the run). */
export function cohortNotSynced(cohort: string, reason: string): string {
  return `Turma "${cohort}" não sincronizada: ${reason}.`;
}

/** At the `Tag ID` cell of a cohort whose tag Cademi does not know. */
export function unknownTagNote(tagId: number | string): string {
  return `a tag ${tagId} não existe na Cademi; a turma não foi sincronizada`;
}

/** A tag that listed nobody for a cohort that has rows: an empty answer never erases a cohort. */
export function emptyTagReason(tagId: number | string): string {
  return `a tag ${tagId} não listou nenhum aluno, mas a turma já tem linhas no Histórico; tratada como não coletada, e as linhas dela ficaram como estavam`;
}

/** At the `Tag ID` cell of a cohort whose tag listed nobody. */
export function emptyTagNote(tagId: number | string): string {
  return `a tag ${tagId} não listou nenhum aluno nesta execução; as linhas da turma no Histórico foram mantidas`;
}

/** One cohort's reason among those noCohortCollected lists. */
export function cohortReason(cohort: string, reason: string): string {
  return `turma "${cohort}": ${reason}`;
}

/** The run ends without any cohort collected: nothing is written. */
export function noCohortCollected(reasons: readonly string[]): string {
  const shown = reasons.slice(0, 3).join('; ');
  const more = reasons.length > 3 ? `; e mais ${reasons.length - 3}` : '';
  return `Nenhuma turma pôde ser coletada (${shown}${more}). Nada foi gravado no Histórico; confira os Tag ID em Turmas e a URL da API.`;
}

/** No cohort was due: none active, or every active one starts later (`firstStart`, the earliest). */
export function noCohortToCollect(firstStart: string | null): string {
  return firstStart
    ? `Nenhuma turma ativa começou ainda (a primeira começa em ${formatBrDate(firstStart)}); nada a coletar nesta semana, e nada foi gravado no Histórico.`
    : 'Nenhuma turma ativa em Turmas; nada a coletar, e nada foi gravado no Histórico. Marque Ativa = Sim nas turmas a coletar.';
}

/** Every cohort was listed and none had a student: a week of nobody is no success. */
export function noStudentsCollected(cohorts: readonly string[]): string {
  const names = cohorts
    .slice(0, 5)
    .map((name) => `"${name}"`)
    .join(', ');
  return `A Cademi não listou nenhum aluno nas turmas ativas (${names}${cohorts.length > 5 ? '…' : ''}); nenhum aluno coletado, e nada foi gravado no Histórico. Confira os Tag ID em Turmas e a URL da API.`;
}

/** Students were listed, but no (student, product) pair could be recorded (every product unknown, say). */
export function noRowsCollected(students: number): string {
  return `${countOf(students, 'aluno', 'alunos')} ${plural(students, 'listado', 'listados')}, mas nenhuma linha pôde ser registrada (os produtos das turmas não existem na Cademi?); nada foi gravado no Histórico. Confira a coluna Produtos em Turmas.`;
}

/** Why Cademi gave no progress for a (student, product): `ausente` (v3's answer lacks the product) or `HTTP <status>`. */
function skipReason(reason: string, students: number): string {
  const them = plural(students, 'do aluno', 'deles');
  if (reason === 'ausente') return `o progresso na Cademi não inclui esse produto (sem acesso a ele)`;
  if (reason === 'HTTP 409') return `a Cademi recusou por uma regra de negócio (HTTP 409)`;
  if (reason === 'HTTP 404') return `a Cademi não encontrou o aluno ou o acesso ${them} ao produto (HTTP 404)`;
  return `a Cademi recusou o pedido (${reason})`;
}

/**
 * Students of one product Cademi gave no progress for, one reason: their rows are not recorded.
 * `everyone`: no student of the cohorts tracking it had the product, so the id in `Turmas` is the suspect.
 */
export function progressSkipped(productId: number | string, reason: string, students: readonly (number | string)[], everyone: boolean): string {
  const shown = students.slice(0, 3).join(', ');
  const more = students.length > 3 ? ` e mais ${students.length - 3}` : '';
  const rows = plural(students.length, 'linha não registrada', 'linhas não registradas');
  const who = countOf(students.length, 'aluno', 'alunos');
  const advice = everyone ? ' Nenhum aluno das turmas tem esse produto: confira o ID na coluna Produtos de Turmas.' : '';
  return `Produto ${productId}, ${who} (${shown}${more}): ${skipReason(reason, students.length)}; ${rows}.${advice}`;
}

/** At the `Produtos` cell of a cohort none of whose students Cademi had the product for. */
export function productNobodyHasNote(productId: number | string, reason: string): string {
  return `nenhum aluno desta turma veio com o produto ${productId} (${reason.replace('ausente', 'ausente do progresso')}); confira o ID`;
}

/** v3: the product's name could not be read (an assumed endpoint); the rows say `Produto prd_…`. */
export function productNameUnavailable(productId: number | string, endpoint: string): string {
  return `Produto ${productId}: o nome não pôde ser lido em ${endpoint} (um endpoint que esta versão supõe existir na API v3); as linhas mostram "Produto ${productId}". Rode "Verificar conexão com a Cademi" para conferir o contrato.`;
}

/** v3: a student moved in `Ajustes` by a v1 id that no v3 student was matched to. */
export function movedStudentUnmatched(studentId: number | string, cohort: string): string {
  return `Aluno ${studentId}, movido para "${cohort}" em Ajustes, tem um ID da API v1 que nenhum aluno da v3 corresponde ainda; ignorado nesta semana.`;
}

/** Students whose date field held an impossible date (year 0001, say): kept as missing. A few ids at most. */
export function impossibleDates(field: string, studentIds: readonly (number | string)[]): string {
  if (studentIds.length === 1) return `Aluno ${studentIds[0]}: o campo ${field} veio com uma data impossível; tratada como ausente.`;
  const shown = studentIds.slice(0, 5).join(', ');
  return `${studentIds.length} alunos com data impossível no campo ${field} (${shown}${studentIds.length > 5 ? '…' : ''}); tratadas como ausentes.`;
}

// ---- waits -------------------------------------------------------------------------------

/** The CLI stops instead of waiting past its cap. */
export function waitTooLong(requestedMs: number, capMs: number, endpoint: string, resumeAt: string): string {
  return (
    `A Cademi pediu para aguardar ${formatWait(requestedMs)} antes da próxima chamada (HTTP 429 em ${endpoint}); ` +
    `isso passa do limite de ${formatWait(capMs)} de espera da linha de comando, então a coleta parou e nada foi gravado. ` +
    `Rode de novo depois das ${resumeAt}.`
  );
}

/** A long wait under the cap, said on stderr so nobody thinks the CLI hung. */
export function longWait(waitMs: number, endpoint: string, rateLimited: boolean): string {
  return rateLimited
    ? `A Cademi pediu para aguardar ${formatWait(waitMs)} (HTTP 429 em ${endpoint}); a coleta continua em seguida.`
    : `Aguardando ${formatWait(waitMs)} para tentar de novo ${endpoint}; a coleta continua em seguida.`;
}

/** Execuções row of an Apps Script run paused by Cademi's Retry-After. */
export function apiPause(requestedMs: number, endpoint: string, resumeAt: string): string {
  return `A Cademi pediu para aguardar ${formatWait(requestedMs)} (HTTP 429 em ${endpoint}); a coleta retoma a partir do ponto salvo às ${resumeAt}.`;
}

/** A Retry-After that ends after the run's week: the week is dropped now rather than left waiting. */
export function apiPausePastWeek(requestedMs: number, endpoint: string, week: string): string {
  return (
    `A Cademi pediu para aguardar ${formatWait(requestedMs)} (HTTP 429 em ${endpoint}), o que passa do fim da semana ${formatBrDate(week)}; ` +
    'a coleta desta semana foi encerrada sem gravar nada no Histórico. A próxima semana será coletada normalmente.'
  );
}

/** "Atualizar agora" while a run waits for Cademi. */
export function waitingForApi(resumeAt: string): string {
  return `A Cademi pediu uma pausa nas chamadas. A atualização em andamento continua automaticamente às ${resumeAt}.`;
}

// ---- the week's write --------------------------------------------------------------------

/** Notes people typed in their own columns of `Histórico` that a re-run has no row for. */
export function orphanedNotes(columns: readonly string[], rows: readonly { row: number; studentId: unknown; productId: unknown }[], week: string): string {
  const names = columns.map((name) => `"${name}"`).join(', ');
  const shown = rows
    .slice(0, 3)
    .map((entry) => `linha ${entry.row}: aluno ${String(entry.studentId)}, produto ${String(entry.productId)}`)
    .join('; ');
  const more = rows.length > 3 ? `; e mais ${rows.length - 3}` : '';
  return (
    `A aba Histórico tem anotações ${plural(columns.length, 'na coluna', 'nas colunas')} ${names} em linhas da semana ${formatBrDate(week)} que esta execução não produz mais ` +
    `(${shown}${more}). Mova ou apague essas anotações e rode de novo; nada foi gravado.`
  );
}

// ---- the rest of a run's sentences ---------------------------------------------------------

/** An active cohort whose start is after this week (a warning of the run). */
export function cohortStartsLater(cohort: string, start: string): string {
  return `Turma "${cohort}" começa em ${formatBrDate(start)}; ignorada nesta semana.`;
}

/** At the `Início` cell of an active cohort that has not started. */
export function futureStartNote(start: string): string {
  return `a turma começa em ${formatBrDate(start)}, no futuro; será sincronizada a partir dessa semana`;
}

/** `Turmas` has no active, valid cohort to collect. */
/** The first words of a completed run's message in `Execuções`: which API generation it read. */
export function readThroughApi(api: 'v1' | 'v3'): string {
  return `Lido pela API ${api} da Cademi.`;
}

export const NO_ACTIVE_COHORT = 'nenhuma turma ativa e válida; cadastre uma turma (cohort add) ou corrija as linhas marcadas';

/** Rows of `Histórico` that do not decode (`shownRows`: the first few, as the spreadsheet numbers them). */
export function unreadableHistoryRows(count: number, shownRows: readonly number[]): string {
  const shown = `${plural(shownRows.length, 'linha', 'linhas')} ${shownRows.join(', ')}${count > shownRows.length ? '…' : ''}`;
  const kept = plural(count, 'ficou como está e não entra', 'ficaram como estão e não entram');
  return `${countOf(count, 'linha', 'linhas')} do Histórico ${plural(count, 'não pôde ser lida', 'não puderam ser lidas')} (${shown}); ${kept} nas contas.`;
}

/** A page of a tag's listing pointed at another host: the token was not sent there. */
export function pageLeftOrigin(endpoint: string, tagId: number | string, origin: string): string {
  return `A paginação de ${endpoint} (tag ${tagId}) apontou para outro endereço (${origin}); o token não foi enviado e nada desta semana foi gravado. Confira a URL da API.`;
}

/** A tag's listing that ran past the page cap or repeated a page: the list may be incomplete. */
export function pagingUntrusted(endpoint: string, tagId: number | string, stop: 'cap' | 'repeated', maxPages: number): string {
  const why = stop === 'cap' ? `passou de ${maxPages} páginas` : 'repetiu uma página já lida';
  return `A paginação de ${endpoint} (tag ${tagId}) ${why}; a lista de alunos pode estar incompleta, então nada desta semana foi gravado. Tente de novo mais tarde.`;
}

/** A tracked product Cademi does not know (a warning of the run). */
export function unknownProduct(productId: number | string): string {
  return `Produto ${productId} não existe na Cademi; as turmas que o usam seguem sem ele.`;
}

/** At the `Produtos` cell of a cohort tracking a product Cademi does not know. */
export function unknownProductNote(productId: number | string): string {
  return `o produto ${productId} não existe na Cademi; a turma segue sem ele`;
}

/** A student moved in `Ajustes` whom Cademi does not know. */
export function movedStudentMissing(studentId: number | string, cohort: string): string {
  return `Aluno ${studentId}, movido para "${cohort}" em Ajustes, não existe na Cademi; ignorado.`;
}

/** Students listed by more than one active cohort's tag. */
export function studentsInSeveralCohorts(count: number): string {
  return `${countOf(count, 'aluno', 'alunos')} ${plural(count, 'aparece', 'aparecem')} em mais de uma turma ativa; ${plural(count, 'contado', 'contados')} na turma mais recente.`;
}

/** Appended to a failure's message when it concerns one cohort. */
export function inCohort(cohort: string): string {
  return ` (turma "${cohort}")`;
}

/** A failure that survived every retry (`failure`: the Cademi message). */
export function retriesExhausted(failure: string, attempts: number): string {
  return `${failure}; ${attempts} tentativas sem sucesso. Tente de novo mais tarde; nada foi gravado desta semana.`;
}

// ---- Apps Script runs ----------------------------------------------------------------------

/** The stored checkpoint is no JSON. */
export const CHECKPOINT_NOT_JSON = 'não é JSON válido';

/** A checkpoint written by another version of the product. */
export function checkpointOtherVersion(found: string | null, expected: number): string {
  return `formato ${found ?? 'desconhecido'}, esperado ${expected}`;
}

/** A checkpoint field out of shape (`path` empty for the whole value). */
export function checkpointFieldInvalid(path: string): string {
  return `campo ${path || '(raiz)'} inválido`;
}

/** The checkpoint's index (Apps Script properties) does not parse. */
export const CHECKPOINT_INDEX_UNREADABLE = 'o índice está num formato antigo ou corrompido';

/** One of the checkpoint's parts is missing. */
export function checkpointPartMissing(index: number, parts: number): string {
  return `falta a parte ${index} de ${parts}`;
}

/** The parts do not match their index (a write was interrupted). */
export const CHECKPOINT_PARTS_MISMATCH = 'as partes não conferem com o índice (gravação interrompida)';

/** A value past the 9 KB Apps Script allows per property (`kb` already formatted). */
export function propertyTooLarge(key: string, kb: string): string {
  return `O valor "${key}" (${kb} KB) passa do limite de 9 KB por valor das propriedades do Apps Script e não foi gravado.`;
}

/** The checkpoint would take the store past its safe budget (sizes in KB, already formatted). */
export function checkpointTooLarge(checkpointKb: string, othersKb: string, budgetKb: string): string {
  return (
    `O ponto de retomada da coleta (${checkpointKb} KB) não cabe nas propriedades do documento: com os outros valores (${othersKb} KB) ` +
    `passaria de ${budgetKb} KB, a margem segura abaixo do limite de 500 KB do Apps Script. Nada pela metade foi gravado no Histórico. ` +
    'Desative em Turmas (coluna Ativa) as turmas encerradas e tente de novo.'
  );
}

/** The stored checkpoint cannot be trusted: the week starts over (`reason`: one of the above). */
export function checkpointUnreadable(reason: string): string {
  return `O ponto de retomada da coleta em andamento não pôde ser lido (${reason}); a coleta desta semana foi descartada e recomeça do início na próxima execução. Nada pela metade foi gravado no Histórico.`;
}

/** The week ended before its run could finish: it is dropped, nothing written. */
export function weekEndedUnfinished(week: string, calls: number): string {
  return `A semana ${formatBrDate(week)} não foi concluída até o fim da semana (${countOf(calls, 'chamada feita', 'chamadas feitas')}); nada dela foi gravado no Histórico. Verifique as execuções e a cota; a semana atual será coletada normalmente.`;
}

/** A sidebar change while a slice holds the workbook (Apps Script's lock). */
export const WORKBOOK_BUSY_FOR_CHANGE = 'Uma atualização está gravando na planilha agora. Tente de novo em alguns minutos; nada foi alterado.';

/** Apps Script with an empty `URL da API` (there is no simulator there). */
export const API_URL_MISSING = 'Configure "URL da API" na aba Configuração (ex.: https://SUAESCOLA.cademi.com.br/api/v1).';

/** Execuções row of a run paused because UrlFetch's daily quota is spent. */
export const URLFETCH_QUOTA_PAUSE = 'Cota diária do UrlFetch esgotada; a coleta continua amanhã a partir do ponto salvo.';

/** The last outcome of a completed run, as the sidebar shows it. */
export function weekCompleted(week: string, students: number, calls: number): string {
  return `Semana ${formatBrDate(week)} concluída: ${countOf(students, 'aluno', 'alunos')}, ${countOf(calls, 'chamada', 'chamadas')}`;
}

/** A run stopped by the config sheets (`issues`: each described with its cell). */
export function invalidConfiguration(issues: readonly string[]): string {
  return `Configuração inválida: ${issues.join('; ')}`;
}

/** What was thrown when it was no Error (`type`: its typeof). */
export function thrownValue(type: string): string {
  return `valor lançado do tipo ${type}`;
}

/** A failure nobody planned for (`described`: the error's class and, for our code, its message). */
export function unexpectedFailure(described: string): string {
  return `A atualização parou por um erro inesperado (${described}). Nada pela metade foi gravado no Histórico; a próxima execução tenta de novo. Se o erro se repetir, avise quem mantém o complemento.`;
}

/** Moving old weeks to the archive failed; the week's run goes on. */
export function archiveFailed(described: string): string {
  return `Arquivamento de semanas antigas falhou (${described}); o Histórico segue completo.`;
}

/** The week was copied to BigQuery (Apps Script). */
export function bigQueryCopied(rows: number): string {
  return `BigQuery: ${rows} linhas copiadas.`;
}

/** The BigQuery copy failed; the spreadsheet is complete (Apps Script). */
export function bigQueryCopyFailed(described: string): string {
  return `BigQuery: a cópia falhou (${described}); a planilha está completa.`;
}

/** The reports fell back to `Histórico` because BigQuery did not answer. */
export function bigQueryReadFailed(described: string): string {
  return `Relatórios montados com o Histórico da planilha: o BigQuery não respondeu (${described}).`;
}
