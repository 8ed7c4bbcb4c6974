// Messages of the weekly run (collection, waits, the week's write), in Brazilian Portuguese.
// They take ids, cohort names, field names, endpoints and URLs without their query: never a
// response body, a header value or the token.

import { wallTimeOf } from '../time/zoned';

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

/** A 404 without Cademi's own answer: the address is not an API endpoint (wrong base URL, a proxy page). */
export function endpointMissing(url: string): string {
  return (
    `O endereço ${url} não existe (HTTP 404 sem a resposta padrão da Cademi): a URL da API está errada ` +
    '(ela termina em /api/v1) ou o servidor está fora do ar ou em manutenção. Nada desta semana foi gravado no Histórico; ' +
    'confira a URL da API e tente de novo.'
  );
}

/** Why a cohort was not collected, for the run's failure message. */
export function unknownTagReason(tagId: number): string {
  return `a tag ${tagId} não existe na Cademi; confira o Tag ID em Turmas`;
}

export function cohortNotSynced(cohort: string, reason: string): string {
  return `Turma "${cohort}" não sincronizada: ${reason}.`;
}

/** At the `Tag ID` cell of a cohort whose tag Cademi does not know. */
export function unknownTagNote(tagId: number): string {
  return `a tag ${tagId} não existe na Cademi; a turma não foi sincronizada`;
}

/** A tag that listed nobody for a cohort that has rows: an empty answer never erases a cohort. */
export function emptyTagReason(tagId: number): string {
  return `a tag ${tagId} não listou nenhum aluno, mas a turma já tem linhas no Histórico; tratada como não coletada, e as linhas dela ficaram como estavam`;
}

export function emptyTagNote(tagId: number): string {
  return `a tag ${tagId} não listou nenhum aluno nesta execução; as linhas da turma no Histórico foram mantidas`;
}

/** The run ends without any cohort collected: nothing is written. */
export function noCohortCollected(reasons: readonly string[]): string {
  const shown = reasons.slice(0, 3).join('; ');
  const more = reasons.length > 3 ? `; e mais ${reasons.length - 3}` : '';
  return `Nenhuma turma pôde ser coletada (${shown}${more}). Nada foi gravado no Histórico; confira os Tag ID em Turmas e a URL da API.`;
}

/** Every cohort was listed and none had a student: a week of nobody is no success. */
export function noStudentsCollected(cohorts: readonly string[]): string {
  const names = cohorts.slice(0, 5).map((name) => `"${name}"`).join(', ');
  return `A Cademi não listou nenhum aluno nas turmas ativas (${names}${cohorts.length > 5 ? '…' : ''}); nenhum aluno coletado, e nada foi gravado no Histórico. Confira os Tag ID em Turmas e a URL da API.`;
}

/** Students were listed, but no (student, product) pair could be recorded (every product unknown, say). */
export function noRowsCollected(students: number): string {
  return `${students} aluno(s) listados, mas nenhuma linha pôde ser registrada (os produtos das turmas não existem na Cademi?); nada foi gravado no Histórico. Confira a coluna Produtos em Turmas.`;
}

/** A (student, product) Cademi answered 404 (no access, unknown) or 409 for: its row is not recorded. */
export function progressSkipped(studentId: number, productId: number, status: number): string {
  const why = status === 409 ? 'recusou por uma regra de negócio' : 'não encontrou o aluno ou o acesso dele ao produto';
  return `Aluno ${studentId}, produto ${productId}: a Cademi ${why} (HTTP ${status}); linha não registrada.`;
}

/** Students whose date field held an impossible date (year 0001, say): kept as missing. A few ids at most. */
export function impossibleDates(field: string, studentIds: readonly number[]): string {
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
    `A Cademi pediu para aguardar ${formatWait(requestedMs)} (HTTP 429 em ${endpoint}), o que passa do fim da semana ${week}; ` +
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
  const shown = rows.slice(0, 3).map((entry) => `linha ${entry.row}: aluno ${String(entry.studentId)}, produto ${String(entry.productId)}`).join('; ');
  const more = rows.length > 3 ? `; e mais ${rows.length - 3}` : '';
  return (
    `A aba Histórico tem anotações na(s) coluna(s) ${names} em linhas da semana ${week} que esta execução não produz mais ` +
    `(${shown}${more}). Mova ou apague essas anotações e rode de novo; nada foi gravado.`
  );
}

// ---- the rest of a run's sentences ---------------------------------------------------------

export function cohortStartsLater(cohort: string, start: string): string {
  return `Turma "${cohort}" começa em ${start}; ignorada nesta semana.`;
}

/** At the `Início` cell of an active cohort that has not started. */
export function futureStartNote(start: string): string {
  return `a turma começa em ${start}, no futuro; será sincronizada a partir dessa semana`;
}

export const NO_ACTIVE_COHORT = 'nenhuma turma ativa e válida; cadastre uma turma (cohort add) ou corrija as linhas marcadas';

export function unreadableHistoryRows(count: number, shownRows: readonly number[]): string {
  return `${count} linha(s) do Histórico não puderam ser lidas (linha ${shownRows.join(', ')}${count > shownRows.length ? '…' : ''}); ficaram como estão e não entram nas contas.`;
}

export function pageLeftOrigin(endpoint: string, tagId: number, origin: string): string {
  return `A paginação de ${endpoint} (tag ${tagId}) apontou para outro endereço (${origin}); o token não foi enviado e nada desta semana foi gravado. Confira a URL da API.`;
}

export function pagingUntrusted(endpoint: string, tagId: number, stop: 'cap' | 'repeated', maxPages: number): string {
  const why = stop === 'cap' ? `passou de ${maxPages} páginas` : 'repetiu uma página já lida';
  return `A paginação de ${endpoint} (tag ${tagId}) ${why}; a lista de alunos pode estar incompleta, então nada desta semana foi gravado. Tente de novo mais tarde.`;
}

export function unknownProduct(productId: number): string {
  return `Produto ${productId} não existe na Cademi; as turmas que o usam seguem sem ele.`;
}

/** At the `Produtos` cell of a cohort tracking a product Cademi does not know. */
export function unknownProductNote(productId: number): string {
  return `o produto ${productId} não existe na Cademi; a turma segue sem ele`;
}

export function movedStudentMissing(studentId: number, cohort: string): string {
  return `Aluno ${studentId}, movido para "${cohort}" em Ajustes, não existe na Cademi; ignorado.`;
}

export function studentsInSeveralCohorts(count: number): string {
  return `${count} aluno(s) aparecem em mais de uma turma ativa; contados na turma mais recente.`;
}

/** Appended to a failure's message when it concerns one cohort. */
export function inCohort(cohort: string): string {
  return ` (turma "${cohort}")`;
}

export function retriesExhausted(failure: string, attempts: number): string {
  return `${failure}; ${attempts} tentativas sem sucesso. Tente de novo mais tarde; nada foi gravado desta semana.`;
}

// ---- Apps Script runs ----------------------------------------------------------------------

export function checkpointUnreadable(reason: string): string {
  return `O ponto de retomada da coleta em andamento não pôde ser lido (${reason}); a coleta desta semana foi descartada e recomeça do início na próxima execução. Nada pela metade foi gravado no Histórico.`;
}

export function weekEndedUnfinished(week: string, calls: number): string {
  return `A semana ${week} não foi concluída até o fim da semana (${calls} chamadas feitas); nada dela foi gravado no Histórico. Verifique as execuções e a cota; a semana atual será coletada normalmente.`;
}

/** A sidebar change while a slice holds the workbook (Apps Script's lock). */
export const WORKBOOK_BUSY_FOR_CHANGE = 'Uma atualização está gravando na planilha agora. Tente de novo em alguns minutos; nada foi alterado.';

export const API_URL_MISSING = 'Configure "URL da API" na aba Configuração (ex.: https://SUAESCOLA.cademi.com.br/api/v1).';

export const URLFETCH_QUOTA_PAUSE = 'Cota diária do UrlFetch esgotada; a coleta continua amanhã a partir do ponto salvo.';

export function weekCompleted(week: string, students: number, calls: number): string {
  return `Semana ${week} concluída: ${students} alunos, ${calls} chamadas`;
}

export function invalidConfiguration(issues: readonly string[]): string {
  return `Configuração inválida: ${issues.join('; ')}`;
}

export function unexpectedFailure(described: string): string {
  return `A atualização parou por um erro inesperado (${described}). Nada pela metade foi gravado no Histórico; a próxima execução tenta de novo. Se o erro se repetir, avise quem mantém o complemento.`;
}

export function archiveFailed(described: string): string {
  return `Arquivamento de semanas antigas falhou (${described}); o Histórico segue completo.`;
}

export function bigQueryCopied(rows: number): string {
  return `BigQuery: ${rows} linhas copiadas.`;
}

export function bigQueryCopyFailed(described: string): string {
  return `BigQuery: a cópia falhou (${described}); a planilha está completa.`;
}

export function bigQueryReadFailed(described: string): string {
  return `Relatórios montados com o Histórico da planilha: o BigQuery não respondeu (${described}).`;
}
