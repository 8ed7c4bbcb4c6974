// Messages of the optional BigQuery copy of `Histórico` (both hosts), in Brazilian Portuguese.
// BigQuery's own reason codes and row errors are quoted as it gives them: they name a field or a
// type, never a token. (The outcome lines of a run are in sync.ts and cli.ts.)

import { formatBrDate } from '../time/pt-br-dates';

/** A project id that Google Cloud would refuse. */
export function badProjectId(projectId: string): string {
  return `"${projectId}" não é um ID de projeto do Google Cloud (ex.: minha-escola-123). Corrija "Tabela BigQuery" em Configuração.`;
}

/** A dataset name BigQuery would refuse. */
export function badDatasetId(datasetId: string): string {
  return `"${datasetId}" não é um nome de conjunto de dados do BigQuery (use letras, números e _).`;
}

/** A table name BigQuery would refuse. */
export function badTableId(tableId: string): string {
  return `"${tableId}" não é um nome de tabela do BigQuery (use letras, números e _).`;
}

/** The Apps Script advanced service is off. */
export const ADVANCED_SERVICE_OFF = 'O serviço avançado "BigQuery API" não está ativado neste projeto do Apps Script (Editor > Serviços > BigQuery API, v2).';

/** The week was streamed under half an hour ago: BigQuery will not delete it yet. */
export function weekInStreamingBuffer(week: string, table: string): string {
  return (
    `A semana ${formatBrDate(week)} já está em ${table} e foi enviada há menos de ~30 minutos: ` +
    'o BigQuery não permite apagá-la ainda (buffer de streaming). Nada foi gravado; tente de novo em meia hora.'
  );
}

/** A query still running after every poll. */
export function queryNotReady(jobId: string, polls: number): string {
  return `A consulta ${jobId} do BigQuery não terminou após ${polls} verificações. Tente de novo em alguns minutos.`;
}

/** A row handed to the week's write that belongs to another week (a bug in the caller). */
export function rowOfOtherWeek(rowKey: string, week: string): string {
  return `writeWeekToBigQuery: a linha ${rowKey} não é da semana ${week}.`;
}

/** A later page of a query came back unfinished. */
export function pageNotComplete(jobId: string): string {
  return `O BigQuery respondeu "jobComplete: false" a uma página seguinte da consulta ${jobId}.`;
}

/** Fewer or more rows than announced. */
export function rowCountMismatch(announced: number, delivered: number): string {
  return `O BigQuery anunciou ${announced} linhas e entregou ${delivered}.`;
}

/** A page to continue without the job's id. */
export const NO_JOB_ID = 'A resposta do BigQuery não trouxe "jobReference.jobId" para continuar a consulta.';

/** A refused row whose index BigQuery did not give. */
export const UNKNOWN_ROW = '(linha desconhecida)';

/** One refused row: its key, BigQuery's reason code and the field it names (never BigQuery's message text). */
export function refusedRow(rowKey: string, reason: string, field: string | null): string {
  return `${rowKey}: ${reason}${field ? ` (campo ${field})` : ''}`;
}

/** insertAll refused rows: nothing of this request was written (`shown`: a few refusedRow). */
export function rowsRefused(shown: readonly string[], more: number, sent: number, total: number, writtenBefore: number): string {
  const others = more > 0 ? ` e mais ${more}` : '';
  const kept = writtenBefore > 0 ? ` As ${writtenBefore} linhas anteriores foram gravadas e serão substituídas na próxima gravação da semana.` : '';
  return `O BigQuery recusou linhas do Histórico (${shown.join('; ')}${others}); nenhuma das ${sent} linhas deste envio (de ${total}) foi gravada.${kept} Confira o esquema da tabela.`;
}

/** A query that failed (BigQuery's reason code and message). */
export function queryFailed(reason: string | undefined): string {
  return `A consulta ao BigQuery falhou (motivo: ${reason ?? 'não informado'}).`;
}

/** Rows without their schema. */
export const ROWS_WITHOUT_SCHEMA = 'A resposta do BigQuery (jobs.query) trouxe linhas sem "schema.fields".';

/** A row whose width is not the schema's. */
export function rowWidthMismatch(row: number, values: number, columns: number): string {
  return `A resposta do BigQuery (jobs.query) tem a linha ${row} com ${values} valores; o esquema tem ${columns}.`;
}

/** Where a bad value was read: the row's key, quoted, or null when it has none. */
export function tableRow(rowKey: string | null): string {
  return `linha ${rowKey === null ? '(sem row_key)' : `"${rowKey}"`} da tabela BigQuery`;
}

/** The table was created before v3's ids (`usr_…`, `prd_…`): what to run once in BigQuery. */
export function tableBeforeV3Ids(ddl: string): string {
  return (
    'A tabela foi criada para os IDs numéricos da API v1 e não guarda os da v3 (usr_…, prd_…). ' +
    `Rode uma vez no BigQuery, sem perder linhas: ${ddl} O Histórico na planilha está completo; depois, Atualizar agora copia esta semana.`
  );
}

/** A value read back that the history cannot take (`value` as JSON). */
export function badColumnValue(where: string, column: string, problem: string, value: string): string {
  return `${where}: a coluna ${column} ${problem} (valor: ${value}). Confira o esquema da tabela.`;
}

/** What a column's value should have been (said after "a coluna X"). */
export const COLUMN_PROBLEM = {
  /** Not a string. */
  text: 'deveria ser texto',
  /** Not a number. */
  number: 'deveria ser um número',
  /** Null in a required column. */
  required: 'é obrigatória',
  /** Not a timestamp. */
  timestamp: 'deveria ser um TIMESTAMP',
  /** Not a date. */
  date: 'deveria ser uma data AAAA-MM-DD',
  /** Not API or Mantido. */
  origin: 'deveria ser API ou Mantido',
} as const;

/** A situation that is none of the known words. */
export function notASituation(situations: readonly string[]): string {
  return `deveria ser uma de: ${situations.join(', ')}`;
}

/**
 * A BigQuery client failed (credentials, network, permission, a missing table): its own text is
 * English and may quote a response, so only its error name and code are told, with what to check
 * on this host.
 */
export function bigQueryClientFailed(errorName: string, code: string | null, host: 'cli' | 'apps-script'): string {
  const check =
    host === 'cli'
      ? 'confira as credenciais (gcloud auth application-default login ou GOOGLE_APPLICATION_CREDENTIALS) e a Tabela BigQuery em Configuração'
      : 'confira se o serviço avançado BigQuery está ativo no projeto do Apps Script, se quem roda a coleta tem acesso à tabela e a Tabela BigQuery em Configuração';
  return `o cliente do BigQuery falhou (${errorName}${code ? `, código ${code}` : ''}); ${check}`;
}
