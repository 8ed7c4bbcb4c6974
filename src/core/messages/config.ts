// Messages of the config sheets (`Configuração`, `Turmas`, `Metas`): what a cell will not do, put
// on the cell as a note and listed by the CLI and the run log, in Brazilian Portuguese. They quote
// what the person typed (cut short) and never anything the API answered.

import { PRODUCT_NAME } from './product';

// ---- where an issue is -------------------------------------------------------------------------

/** An issue's place: "Turmas, linha 4, coluna Tag ID" (the row as the spreadsheet numbers it). */
export function issueLocation(sheet: string, row: number, column: string): string {
  return `${sheet}, linha ${row}, coluna ${column}`;
}

/** An issue as one line: its place, then what is wrong. */
export function issueLine(where: string, message: string): string {
  return `${where}: ${message}`;
}

/** The mark the hosts put before a note the job wrote on a cell (so people tell it from their own notes). */
export const JOB_NOTE_PREFIX = `⚠ ${PRODUCT_NAME}: `;

// ---- one cell -----------------------------------------------------------------------------------

/** A required cell left empty. */
export const CELL_EMPTY = 'está vazia; preencha este campo';

/** A text longer than any config value needs. */
export function textTooLong(length: number, max: number): string {
  return `tem ${length} caracteres; o máximo é ${max}`;
}

/** An empty cell where a positive whole number is needed. */
export const POSITIVE_INTEGER_EMPTY = 'está vazia; informe um número inteiro positivo';

/** A value that is not a positive whole number. */
export function notPositiveInteger(typed: string): string {
  return `"${typed}" não é um número inteiro positivo`;
}

/** An empty cell where a number in a range is needed. */
export function numberEmpty(min: number, max: number): string {
  return `está vazia; informe um número entre ${min} e ${max}`;
}

/** A value that is not a number. */
export function notANumber(typed: string): string {
  return `"${typed}" não é um número`;
}

/** A number outside its range. */
export function numberOutOfRange(value: number, min: number, max: number): string {
  return `${value} está fora do intervalo ${min}–${max}`;
}

/** A number that must be whole (a weekday hour, days, weeks) and is not. */
export function notWholeNumber(value: number): string {
  return `${value} deve ser um número inteiro`;
}

/** An empty date cell. */
export const DATE_EMPTY = 'está vazia; informe uma data (AAAA-MM-DD ou DD/MM/AAAA)';

/** A spreadsheet date number no calendar has. */
export function serialNotADate(serial: number): string {
  return `${serial} não é uma data`;
}

/** A typed date that does not parse. */
export function textNotADate(typed: string): string {
  return `"${typed}" não é uma data válida (use AAAA-MM-DD ou DD/MM/AAAA)`;
}

/** An empty `Produtos` cell. */
export const PRODUCTS_EMPTY = 'está vazia; informe os IDs dos produtos separados por vírgula';

/** "11,12" read by a Brazilian spreadsheet as the number 11.12 (`shown` with its comma back). */
export function productListBecameNumber(shown: string): string {
  return `a planilha converteu a lista em número (${shown}); formate a coluna Produtos como texto simples ou separe os IDs com ponto e vírgula`;
}

/** One entry of `Produtos` that is not an id. */
export function notAProductId(typed: string): string {
  return `"${typed}" não é um ID de produto (número inteiro positivo na API v1, prd_… na v3)`;
}

/** A cohort's ids are of the other API generation than the run's (`Versão da API`, the key, the URL). */
export function idOfOtherApi(ids: string, api: 'v1' | 'v3'): string {
  return api === 'v3'
    ? `${ids}: ID da API v1, e a coleta usa a API v3 (chave ck_live_/ck_test_ ou Versão da API = v3). Troque pelos IDs da v3 (tag_…, prd_…); a turma não foi coletada`
    : `${ids}: ID da API v3, e a coleta usa a API v1. Troque pelos IDs numéricos da v1 ou use uma chave v3; a turma não foi coletada`;
}

/** A `Tag ID` cell holding neither a v1 tag number nor a v3 `tag_…` id. */
export function notATagId(typed: string): string {
  return `"${typed}" não é um ID de tag (número inteiro positivo na API v1, tag_… na v3)`;
}

/** A value that is not an e-mail address (`typed` already cut short). */
export function notAnEmail(typed: string): string {
  return `"${typed}" não é um e-mail`;
}

/** A `Tutor` cell that is neither an e-mail nor `Nome <e-mail>`. */
export function notATutor(typed: string): string {
  return `"${typed}" não é um e-mail nem Nome <e-mail> (ex.: ana@escola.com.br ou Ana Souza <ana@escola.com.br>)`;
}

/** A yes/no cell holding something else. */
export function notYesNo(typed: string): string {
  return `"${typed}" deve ser Sim ou Não`;
}

// ---- whole sheets ------------------------------------------------------------------------------

/** Required headers missing from a config sheet's first row. */
export function headersMissing(headers: readonly string[]): string {
  return `cabeçalho ausente: ${headers.join(', ')}`;
}

/** No `Configuração` sheet: every setting takes its default. */
export const SETTINGS_SHEET_MISSING = 'aba não encontrada; usando os valores padrão';

/** No `Turmas` sheet. */
export const COHORTS_SHEET_MISSING = 'aba não encontrada; crie-a com "cademi-monitor init" ou pelo menu';

// ---- Configuração ------------------------------------------------------------------------------

/** A setting's issue, led by its key. */
export function settingIssue(key: string, message: string): string {
  return `${key}: ${message}`;
}

/** A key the product does not know. */
export const UNKNOWN_SETTING = 'chave desconhecida; ignorada';

/** A key given twice. */
export const REPEATED_SETTING = 'chave repetida; vale a primeira';

/** A bad value replaced by the default (`defaultValue` as the template shows it). */
export function usingDefault(message: string, defaultValue: string): string {
  return `${message}; usando o padrão (${defaultValue})`;
}

/** `Versão da API` holding something else. */
export function notAnApiVersion(typed: string): string {
  return `"${typed}" deve ser automática, v1 ou v3`;
}

/** `Dia da atualização semanal` holding no weekday. */
export function notAWeekday(typed: string): string {
  return `"${typed}" não é um dia da semana (segunda … domingo)`;
}

/** `Tabela BigQuery` not shaped as project.dataset.table. */
export function notABigQueryTable(typed: string): string {
  return `"${typed}" não é projeto.conjunto.tabela (ex.: minha-escola-123.cademi.historico)`;
}

/** `Fuso horário` naming no time zone. */
export function notATimeZone(typed: string): string {
  return `"${typed}" não é um fuso horário (ex.: America/Sao_Paulo)`;
}

/** The two absence thresholds in the wrong order. */
export const ABSENCE_THRESHOLDS_SWAPPED = 'Dias sem acesso (risco) é menor que (atenção); confira os limites';

/**
 * The `Descrição` beside each setting in a new `Configuração`, by setting. Keyed like `Settings`;
 * config/templates.ts checks the keys (the catalogue imports no model, so the model may import it).
 */
export const SETTING_HELP = {
  apiUrl: 'https://SUAESCOLA.cademi.com.br/api/v1 (vazio no Node = simulador embutido). O token fica nas propriedades do script, nunca aqui.',
  apiVersion: 'automática: v3 para uma chave ck_live_/ck_test_ ou uma URL terminada em /api/v3, v1 nos outros casos. v1 ou v3: força essa versão.',
  timeZone: 'Fuso da escola; a semana começa na segunda-feira deste fuso.',
  requestsPerSecond: 'Limite da API Cademi: 2 por segundo.',
  warnDaysWithoutAccess: 'A partir de quantos dias sem acesso o aluno fica Atrasado.',
  riskDaysWithoutAccess: 'A partir de quantos dias sem acesso o aluno fica Em risco.',
  latePoints: 'Pontos percentuais abaixo do esperado para Atrasado.',
  riskPoints: 'Pontos percentuais abaixo do esperado para Em risco.',
  stalledWeeks: 'Semanas seguidas sem avanço para Em risco.',
  graceDays: 'Alunos com menos dias na turma ainda não são avaliados.',
  defaultGoalTrack: 'A meta (trilha da aba Metas) de uma turma nova quando nenhuma é escolhida. Vazio: turmas novas ficam sem meta.',
  runWeekday: 'segunda, terça, … domingo.',
  runHour: 'Hora (0–23) no fuso da escola.',
  alertEmail: 'Quem recebe o aviso quando uma execução falha.',
  emailTutors: 'Sim: após cada semana concluída, cada tutor recebe só a sua lista de alunos para contatar.',
  showPhone: 'Sim: Contatos da semana (e o e-mail dos tutores) mostra o celular do aluno no Cademi e um link para o WhatsApp. Não: esconde os dois.',
  bigQueryTable: 'Opcional: projeto.conjunto.tabela para guardar também o Histórico no BigQuery (veja o README).',
};

// ---- Turmas ------------------------------------------------------------------------------------

/** A cohort name with a control character in it. */
export const NAME_HAS_CONTROL_CHARACTERS = 'contém caracteres de controle';

/** A cohort name already used by an earlier row (`row` as the spreadsheet numbers it). */
export function repeatedCohortName(row: number): string {
  return `nome repetido (já usado na linha ${row})`;
}

/** A `Meta` that `Metas` does not define (or refused). */
export function unknownGoalTrack(goal: string): string {
  return `meta "${goal}" não existe (ou está inválida) na aba Metas`;
}

/** At the `Meta` cell of an active cohort with none: pace alerts cannot fire for it. */
export const COHORT_WITHOUT_GOAL =
  'turma sem meta: sem ritmo esperado, ninguém é marcado Atrasado ou Em risco por estar abaixo do esperado (a Situação fica "Sem meta", salvo falta de acesso ou progresso parado); escolha uma trilha da aba Metas';

/** Why a new cohort gets no default goal: `Meta padrão` is empty. */
export const DEFAULT_GOAL_EMPTY = 'a Meta padrão da aba Configuração está vazia';

/** Why a new cohort gets no default goal: `Meta padrão` names a track `Metas` lacks. */
export function defaultGoalMissing(track: string): string {
  return `a Meta padrão "${track}" da aba Configuração não existe na aba Metas`;
}

/** At the `Meta padrão` cell when `Metas` has no such track. */
export function defaultGoalNotInGoals(track: string): string {
  return `"${track}" não existe na aba Metas; turmas novas ficam sem meta até corrigir`;
}

/** Two active cohorts on one tag. */
export function tagTakenByActiveCohort(tagId: number | string, cohort: string): string {
  return `a tag ${tagId} já é da turma ativa "${cohort}"`;
}

// ---- Metas -------------------------------------------------------------------------------------

/** A goal week that is not a whole number. */
export function weekNotWhole(week: number): string {
  return `${week} deve ser um número inteiro de semanas`;
}

/** The same week twice in one track. */
export function goalWeekRepeated(week: number, track: string): string {
  return `semana ${week} repetida na meta "${track}"`;
}

/** A track whose expected progress goes down. */
export function goalDecreases(track: string, before: { week: number; expected: number }, after: { week: number; expected: number }): string {
  return `meta "${track}" diminui de ${before.expected}% (semana ${before.week}) para ${after.expected}% (semana ${after.week}); o esperado não pode cair`;
}

// ---- editing a cohort (sidebar and CLI) --------------------------------------------------------

/** The cohort being edited was renamed or removed in `Turmas` meanwhile. */
export function editedCohortGone(name: string): string {
  return `a turma "${name}" não existe mais em Turmas; atualize a lista`;
}

/** A row the parser refused without naming a cell. */
export const INVALID_ROW = 'linha inválida';

/** The cohort to archive is not in `Turmas`. */
export function cohortNotInSheet(name: string): string {
  return `a turma "${name}" não existe em Turmas`;
}
