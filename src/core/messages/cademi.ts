// Messages of Cademi API failures, in Brazilian Portuguese. They name the endpoint (a label such as
// `GET /usuario/lista_por_tag/{tag_id}`), the HTTP status and Cademi's envelope code, never the
// body's text (`msg` can echo the request, the token included) nor a header value.

import type { TransportFailureKind } from '../http';

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Why a Cademi call failed, by cause: each names the endpoint and says what to do. */
export const cademiMessages = {
  /** 401/403: the token. */
  auth: (endpoint: string, status: number) =>
    `A Cademi recusou o token da API em ${endpoint} (HTTP ${status}): o token está ausente, expirou ou foi revogado. ` +
    'Gere uma nova chave de API na Cademi e salve-a em "Progresso Cademi › Configurar token da API…" (no Node, em CADEMI_TOKEN); a coleta parou.',
  /** 429: the rate limit, with the wait Cademi asked for. */
  rateLimit: (endpoint: string, status: number, waitMs: number) =>
    `A Cademi limitou as requisições em ${endpoint} (HTTP ${status}) e pediu ${seconds(waitMs)} s de espera. ` +
    'A API aceita 2 requisições por segundo e 120 por minuto: se isso se repetir, reduza "Requisições por segundo" em Configuração.',
  /** Cademi's own 404: an id it does not know. */
  notFound: (endpoint: string) =>
    `A Cademi não encontrou nada em ${endpoint} (HTTP 404): o ID do aluno, do produto ou da tag pode estar errado ou ter sido apagado, ` +
    'ou o aluno não tem acesso a esse produto. Confira os IDs em Turmas.',
  /** 409: a business rule. */
  businessRule: (endpoint: string) =>
    `A Cademi recusou o pedido em ${endpoint} por uma regra de negócio (HTTP 409). Confira se o aluno e o produto pertencem um ao outro.`,
  /** 5xx: Cademi's side. */
  server: (endpoint: string, status: number) =>
    `A Cademi teve um erro interno em ${endpoint} (HTTP ${status}). O problema é do lado da Cademi: o pedido será repetido; se persistir, tente mais tarde.`,
  /** No answer at all (`failure`: transportKind's words). */
  transport: (endpoint: string, failure: string) =>
    `Não foi possível falar com a Cademi em ${endpoint} (falha de rede: ${failure}). Confira a conexão e a URL da API; o pedido será repetido.`,
  /** An answer out of the documented shape (`field` empty for the whole body). */
  shape: (endpoint: string, field: string, problem: string) =>
    `A Cademi respondeu ${endpoint} num formato inesperado${field ? ` (campo ${field}: ${problem})` : ` (${problem})`}. ` +
    'Confira se a URL da API termina em /api/v1; se sim, a API pode ter mudado: informe este endpoint e campo a quem mantém o complemento.',
  /** A next_page_url on another host: the token is not sent there. */
  unsafeUrl: (endpoint: string, unsafeOrigin: string, expectedOrigin: string) =>
    `O next_page_url de ${endpoint} aponta para ${unsafeOrigin || 'um endereço ilegível'}, e não para a API configurada (${expectedOrigin}); ` +
    'o token não foi enviado para lá. Confira a URL da API (o endereço da API da própria escola).',
  /** A 3xx: the base URL is not the API's. */
  redirect: (endpoint: string, status: number, toOrigin: string | null) =>
    `A API respondeu ${endpoint} com um redirecionamento (HTTP ${status})${toOrigin ? ` para ${toOrigin}` : ''}: a URL da API ` +
    '(Configuração › URL da API; no Node, CADEMI_BASE_URL) não é o endereço da API. Corrija-a (ex.: https://SUAESCOLA.cademi.com.br/api/v1); o token não foi reenviado.',
  /** A request that cannot be built (a value that would change which endpoint is called). */
  badSegment: (what: string) => `${what} inválido para montar o endereço da API (precisa ser um número inteiro ou um texto não vazio)`,
  /** A request built on a base URL that is not absolute. */
  baseUrlNotAbsolute: () => 'a URL da API precisa ser um endereço https completo (ex.: https://SUAESCOLA.cademi.com.br/api/v1)',
  /** Appended to any of the above when the answer carried a request id (for Cademi's support). */
  requestId: (id: string) => `(id do pedido na Cademi: ${id})`,
  /** Any other status, or a 2xx carrying success:false. */
  http: (endpoint: string, status: number, envelopeCode: number | undefined, success2xx: boolean) =>
    (success2xx
      ? `A Cademi informou uma falha em ${endpoint} (success:false${envelopeCode === undefined ? '' : `, código ${envelopeCode}`}).`
      : `A Cademi respondeu ${endpoint} com HTTP ${status}${envelopeCode === undefined ? '' : ` (código ${envelopeCode})`}.`) +
    ' Confira os IDs e a configuração; se persistir, informe o status a quem mantém o complemento.',
} as const;

/** A transport failure kind as people read it (the platform's own text may quote the URL or the headers). */
export function transportKind(kind: TransportFailureKind): string {
  return TRANSPORT_KINDS[kind];
}

const TRANSPORT_KINDS: Readonly<Record<TransportFailureKind, string>> = {
  timeout: 'tempo esgotado',
  dns: 'endereço não encontrado (DNS)',
  refused: 'conexão recusada',
  reset: 'conexão interrompida',
  tls: 'erro de certificado/TLS',
  other: 'erro de conexão',
};

/** The endpoint a message names when the caller did not say which one it called. */
export const UNKNOWN_ENDPOINT = 'GET (endpoint desconhecido)';

// ---- what a value in an answer is not (the `problem` of a shape error; never the value itself) ----

/** The body does not parse as JSON. */
export const BODY_NOT_JSON = 'o corpo não é JSON';

/** The body parses, but not to an object. */
export function bodyNotObject(found: string): string {
  return `esperava um objeto JSON, veio ${found}`;
}

/** A field of the wrong kind (`expected` and `found` as zod and typeof name them). */
export function wrongKind(expected: string, found: string): string {
  return `esperava ${expected}, veio ${found}`;
}

/** What a missing field is called in wrongKind. */
export const NOTHING_FOUND = 'nada (ausente)';

/** A value outside what the field allows (zod's issue code). */
export function unexpectedValue(code: string): string {
  return `valor fora do formato esperado (${code})`;
}

/** A timestamp in no format Cademi uses. */
export const DATE_NOT_CADEMI_FORMAT = 'não é uma data no formato da Cademi (AAAA-MM-DD[ hh:mm:ss][±hh:mm])';

/** A timestamp whose day does not exist. */
export const DATE_NOT_IN_CALENDAR = 'não é uma data que existe no calendário';

/** A timestamp whose time of day does not exist. */
export const TIME_OF_DAY_INVALID = 'não é uma hora do dia válida';

/** A timestamp whose UTC offset is out of range. */
export const OFFSET_INVALID = 'fuso horário inválido';

/** A progress `total` that is not a number. */
export const PERCENT_NOT_NUMBER = 'não é um percentual como "41.7%"';

/** A progress `total` that is not finite. */
export const PERCENT_NOT_FINITE = 'não é um percentual finito';

/** A progress `total` outside 0–100. */
export function percentOutOfRange(value: number): string {
  return `o percentual ${value} está fora de 0–100`;
}

/** The values a request's path is built from, as badSegment names them. */
export const SEGMENT = {
  /** A cohort's Cademi tag. */
  tagId: 'ID da tag',
  /** A student's id. */
  studentId: 'ID do aluno',
  /** A product's id. */
  productId: 'ID do produto',
  /** A student's id or e-mail. */
  studentIdOrEmail: 'ID ou e-mail do aluno',
} as const;

/** What a token the server echoed back becomes in the data (JSON- and URL-neutral, so the body still parses). */
export const ECHOED_TOKEN = '[token-removido]';

/** Where the token dialog checks a key, by API generation: the generation and the one call it sends. */
const KEY_CHECKED_AT = { v1: 'na API v1 (GET /tag)', v3: 'na API v3 (GET /credentials/current)' } as const;

/** `, código invalid_credential` when a v3 answer carried a code. */
const codeSuffix = (code: string | undefined) => (code === undefined ? '' : `, código ${code}`);

/** Why a token cannot be sent (null when it can); never quotes the token. */
export const tokenMessages = {
  /** No token at all. */
  empty: () => 'o token da API está vazio; cole a chave da API gerada na Cademi',
  /** A character no HTTP header can carry. */
  notHeaderSafe: () =>
    'o token da API contém espaço, quebra de linha, acento ou outro caractere que não pode ir num cabeçalho HTTP; ' +
    'cole de novo a chave da API gerada na Cademi, sem espaços nem quebras de linha. Nenhum pedido foi enviado',
  /** The run's failure (Apps Script) when the stored token is refused. */
  runRefused: (problem: string) => `Token recusado antes de qualquer pedido: ${problem}. Use "Progresso Cademi › Configurar token da API…".`,
  /** The token dialog's refusal. */
  notSaved: (problem: string) => `Token não salvo: ${problem.replace(/\.$/, '')}.`,
  /** The token dialog (Apps Script). */
  dialogTitle: 'Token da API Cademi',
  /** The token as the dialog shows it when none is saved. */
  noneSaved: '(não configurado)',
  /** Apps Script without a saved token. */
  missing: () => 'Configure o token da API em "Progresso Cademi › Configurar token da API…".',
  /** The token dialog's prompt (`masked`: the saved token's end, or noneSaved). */
  dialogPrompt: (masked: string) =>
    `Cole a chave de API da Cademi (Configurações › API). Atual: ${masked}.\nEla fica nas propriedades do documento, nunca numa célula.`,
  /** The dialog answered with nothing. */
  noneGiven: () => 'Nenhum token informado; nada mudou.',
  /** The key was checked against the API (`api`: the generation it was checked on) and saved. */
  saved: (masked: string, api: 'v1' | 'v3') => `Token salvo (${masked}). A Cademi aceitou a chave ${KEY_CHECKED_AT[api]}.`,
  /** The API refused the key (said inside notSaved); `code`: a v3 envelope's error code. */
  keyRefused: (status: number, api: 'v1' | 'v3', code?: string) =>
    `a Cademi recusou a chave (HTTP ${status}${codeSuffix(code)}) ${KEY_CHECKED_AT[api]}. Confira se ela está completa e ativa.`,
  /** The API answered otherwise (said inside notSaved). */
  apiUnexpected: (status: number, api: 'v1' | 'v3', code?: string) =>
    `a API não respondeu como esperado (HTTP ${status}${codeSuffix(code)}) ${KEY_CHECKED_AT[api]}. Confira a URL da API e a Versão da API em Configuração.`,
  /** `URL da API` empty and the key is a v1 one (said inside notSaved): only v3 has a default address. */
  v1NeedsUrl: () =>
    'a chave é da API v1, que precisa de "URL da API" na aba Configuração (ex.: https://SUAESCOLA.cademi.com.br/api/v1); ' +
    'só as chaves da API v3 (ck_live_…) usam, com a célula vazia, o endereço padrão da Cademi',
  /** The CLI's usage error. */
  envRefused: (problem: string) => `CADEMI_TOKEN: ${problem}.`,
} as const;
