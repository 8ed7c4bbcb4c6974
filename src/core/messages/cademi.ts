// Messages of Cademi API failures, in Brazilian Portuguese. They name the endpoint (a label such as
// `GET /usuario/lista_por_tag/{tag_id}`), the HTTP status and Cademi's envelope code, never the
// body's text (`msg` can echo the request, the token included) nor a header value.

import type { TransportFailureKind } from '../http';

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export const cademiMessages = {
  auth: (endpoint: string, status: number) =>
    `A Cademi recusou o token da API em ${endpoint} (HTTP ${status}): o token está ausente, expirou ou foi revogado. ` +
    'Gere uma nova chave de API na Cademi e salve-a em Progresso Cademi › Configurar token (no Node, em CADEMI_TOKEN); a coleta parou.',
  rateLimit: (endpoint: string, status: number, waitMs: number) =>
    `A Cademi limitou as requisições em ${endpoint} (HTTP ${status}) e pediu ${seconds(waitMs)} s de espera. ` +
    'A API aceita 2 requisições por segundo e 120 por minuto: se isso se repetir, reduza "Requisições por segundo" em Configuração.',
  notFound: (endpoint: string) =>
    `A Cademi não encontrou nada em ${endpoint} (HTTP 404): o ID do aluno, do produto ou da tag pode estar errado ou ter sido apagado, ` +
    'ou o aluno não tem acesso a esse produto. Confira os IDs em Turmas.',
  businessRule: (endpoint: string) =>
    `A Cademi recusou o pedido em ${endpoint} por uma regra de negócio (HTTP 409). Confira se o aluno e o produto pertencem um ao outro.`,
  server: (endpoint: string, status: number) =>
    `A Cademi teve um erro interno em ${endpoint} (HTTP ${status}). O problema é do lado da Cademi: o pedido será repetido; se persistir, tente mais tarde.`,
  transport: (endpoint: string, failure: string) =>
    `Não foi possível falar com a Cademi em ${endpoint} (falha de rede: ${failure}). Confira a conexão e a URL da API; o pedido será repetido.`,
  shape: (endpoint: string, field: string, problem: string) =>
    `A Cademi respondeu ${endpoint} num formato inesperado${field ? ` (campo ${field}: ${problem})` : ` (${problem})`}. ` +
    'Confira se a URL da API termina em /api/v1; se sim, a API pode ter mudado: informe este endpoint e campo a quem mantém o complemento.',
  unsafeUrl: (endpoint: string, unsafeOrigin: string, expectedOrigin: string) =>
    `O next_page_url de ${endpoint} aponta para ${unsafeOrigin || 'um endereço ilegível'}, e não para a API configurada (${expectedOrigin}); ` +
    'o token não foi enviado para lá. Confira a URL da API (o endereço da API da própria escola).',
  redirect: (endpoint: string, status: number, toOrigin: string | null) =>
    `A API respondeu ${endpoint} com um redirecionamento (HTTP ${status})${toOrigin ? ` para ${toOrigin}` : ''}: a URL da API ` +
    '(Configuração › URL da API; no Node, CADEMI_BASE_URL) não é o endereço da API. Corrija-a (ex.: https://SUAESCOLA.cademi.com.br/api/v1); o token não foi reenviado.',
  /** A request that cannot be built (a value that would change which endpoint is called). */
  badSegment: (what: string) => `${what} inválido para montar o endereço da API (precisa ser um número inteiro ou um texto não vazio)`,
  baseUrlNotAbsolute: () => 'a URL da API precisa ser um endereço https completo (ex.: https://SUAESCOLA.cademi.com.br/api/v1)',
  /** Appended to any of the above when the answer carried a request id (for Cademi's support). */
  requestId: (id: string) => `(id do pedido na Cademi: ${id})`,
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

/** What a token the server echoed back becomes in the data (JSON- and URL-neutral, so the body still parses). */
export const ECHOED_TOKEN = '[token-removido]';

/** Why a token cannot be sent (null when it can); never quotes the token. */
export const tokenMessages = {
  empty: () => 'o token da API está vazio; cole a chave da API gerada na Cademi',
  notHeaderSafe: () =>
    'o token da API contém espaço, quebra de linha, acento ou outro caractere que não pode ir num cabeçalho HTTP; ' +
    'cole de novo a chave da API gerada na Cademi, sem espaços nem quebras de linha. Nenhum pedido foi enviado',
  /** The run's failure (Apps Script) when the stored token is refused. */
  runRefused: (problem: string) => `Token recusado antes de qualquer pedido: ${problem}. Use Progresso Cademi › Configurar token.`,
  /** The token dialog's refusal. */
  notSaved: (problem: string) => `Token não salvo: ${problem.replace(/\.$/, '')}.`,
  /** The token dialog (Apps Script). */
  dialogTitle: 'Token da API Cademi',
  missing: () => 'Configure o token da API em "Progresso Cademi › Configurar token da API…".',
  dialogPrompt: (masked: string) => `Cole a chave de API da Cademi (Configurações › API). Atual: ${masked}.\nEla fica nas propriedades do documento, nunca numa célula.`,
  noneGiven: () => 'Nenhum token informado; nada mudou.',
  saved: (masked: string) => `Token salvo (${masked}). A Cademi aceitou a chave.`,
  keyRefused: (status: number) => `a Cademi recusou a chave (HTTP ${status}). Confira se ela está completa e ativa.`,
  apiUnexpected: (status: number) => `a API não respondeu como esperado (HTTP ${status}). Confira a URL da API.`,
  /** The CLI's usage error. */
  envRefused: (problem: string) => `CADEMI_TOKEN: ${problem}.`,
} as const;
