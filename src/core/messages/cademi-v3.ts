// Messages of Cademi API v3 failures, in Brazilian Portuguese. They name the endpoint (a label such as
// `GET /users/{user_id}/progress`), the HTTP status, the error envelope's `code` and `request_id`,
// never the envelope's `message` (untrusted text that can echo the request) nor a value read from a body.

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** `, código permission_denied` when the answer carried a code. */
const withCode = (code: string | undefined) => (code === undefined ? '' : `, código ${code}`);

/** What to do about an answer this version cannot read. */
const REPORT_IT = 'Informe este endpoint e campo a quem mantém o complemento.';

/** Why an assumed field matters, said in both field messages. */
const ASSUMED_FIELD =
  'O nome e o formato desse campo são uma suposição desta versão do complemento (a referência da API v3 não os informa), ' +
  'e a resposta da Cademi mostra que a suposição não vale para a sua conta.';

/** Why a v3 call failed, by cause: each names the endpoint and says what to do. */
export const cademiV3Messages = {
  /** 401: a bad or missing key. */
  auth: (endpoint: string, code: string | undefined) =>
    `A Cademi recusou a chave da API em ${endpoint} (HTTP 401${withCode(code)}): a chave está ausente, incompleta ou foi revogada. ` +
    'Gere uma nova chave (ck_live_…) na Cademi e salve-a em "Progresso Cademi › Configurar token da API…" (no Node, em CADEMI_TOKEN); a coleta parou.',
  /** 403: a valid key without the permission. */
  permission: (endpoint: string, code: string | undefined) =>
    `A chave da API não tem permissão para ${endpoint} (HTTP 403${withCode(code)}). ` +
    'Na Cademi, dê a essa chave a permissão de leitura de usuários, progresso e eventos (GET /credentials/current/policies mostra o que ela pode fazer); a coleta parou.',
  /** 404: an id Cademi does not know, or one outside the key's scope. */
  notFound: (endpoint: string, code: string | undefined) =>
    `A Cademi não encontrou nada em ${endpoint} (HTTP 404${withCode(code)}): o ID pode estar errado ou ter sido apagado, ` +
    'ou está fora do escopo da chave (uma chave limitada a alguns produtos não vê os outros). Confira os IDs em Turmas e o escopo da chave.',
  /** 409/412/422: the request was refused. */
  rejected: (endpoint: string, status: number, code: string | undefined) =>
    `A Cademi recusou o pedido em ${endpoint} (HTTP ${status}${withCode(code)}). ` +
    'Confira os IDs em Turmas; se persistir, informe o endpoint e o código a quem mantém o complemento.',
  /** 429: the rate limit, with the wait Cademi asked for. */
  rateLimit: (endpoint: string, waitMs: number, code: string | undefined) =>
    `A Cademi limitou as requisições em ${endpoint} (HTTP 429${withCode(code)}) e pediu ${seconds(waitMs)} s de espera. ` +
    'Se isso se repetir, reduza "Requisições por segundo" em Configuração.',
  /** 5xx: Cademi's side. */
  server: (endpoint: string, status: number, code: string | undefined) =>
    `A Cademi teve um erro interno em ${endpoint} (HTTP ${status}${withCode(code)}). O problema é do lado da Cademi: o pedido será repetido; se persistir, tente mais tarde.`,
  /** No answer at all (`failure`: transportKind's words). */
  transport: (endpoint: string, failure: string) =>
    `Não foi possível falar com a Cademi em ${endpoint} (falha de rede: ${failure}). Confira a conexão e a URL da API; o pedido será repetido.`,
  /** A 3xx: the base URL is not the API's. */
  redirect: (endpoint: string, status: number, toOrigin: string | null) =>
    `A API respondeu ${endpoint} com um redirecionamento (HTTP ${status})${toOrigin ? ` para ${toOrigin}` : ''}: a URL da API ` +
    '(Configuração › URL da API; no Node, CADEMI_BASE_URL) não é o endereço da API. Corrija-a (ex.: https://api.cademi.com.br/api/v3); a chave não foi reenviada.',
  /** Any other status, or an error envelope inside a 2xx. */
  http: (endpoint: string, status: number, code: string | undefined) =>
    `A Cademi respondeu ${endpoint} com HTTP ${status}${withCode(code)}. Confira os IDs e a configuração; se persistir, informe o status e o código a quem mantém o complemento.`,
  /** A body that is no JSON object, or a documented field out of its documented shape (`field` empty for the whole body). */
  shape: (endpoint: string, field: string, problem: string) =>
    `A Cademi respondeu ${endpoint} num formato inesperado${field ? ` (campo ${field}: ${problem})` : ` (${problem})`}. ` +
    `Confira se a URL da API termina em /api/v3; se sim, a API pode ter mudado. ${REPORT_IT}`,
  /** A field this version assumes (the v3 reference does not name it) is missing. `item`: 1-based, or null outside a list. */
  assumedFieldMissing: (endpoint: string, field: string, item: number | null) =>
    `A resposta de ${endpoint} não tem o campo ${field} esperado${item === null ? '' : ` (item ${item} da página)`}. ` + `${ASSUMED_FIELD} ${REPORT_IT}`,
  /** A field this version assumes is there, but not as expected. */
  assumedFieldMistyped: (endpoint: string, field: string, problem: string, item: number | null) =>
    `A resposta de ${endpoint} tem o campo ${field} num formato diferente do esperado (${problem}${item === null ? '' : `; item ${item} da página`}). ` +
    `${ASSUMED_FIELD} ${REPORT_IT}`,
  /** A cursor the list had already handed out: following it would read the same pages forever. */
  repeatedCursor: (endpoint: string, page: number) =>
    `A Cademi devolveu em ${endpoint}, na página ${page}, um cursor de página que já tinha sido usado: seguir em frente leria as mesmas páginas sem fim. ` +
    'A leitura dessa lista parou incompleta; tente de novo mais tarde e, se repetir, informe o endpoint a quem mantém o complemento.',
  /** A list longer than any real one. */
  pageCap: (endpoint: string, pages: number) =>
    `A lista de ${endpoint} passou de ${pages} páginas sem terminar, mais do que qualquer escola real tem: a leitura parou incompleta. ` +
    'Tente de novo mais tarde e, se repetir, informe o endpoint a quem mantém o complemento.',
  /** An id that cannot be sent (from a sheet or an answer): never quoted, it may be anything. */
  badId: (what: string, prefix: string) =>
    `${what} inválido para a API v3 da Cademi: precisa começar com ${prefix} seguido de letras, números ou - _ . ~ (ex.: ${prefix}…), sem espaços nem barras.`,
  /** A users listing asked for no tag at all (it would list the whole school). */
  noTags: () => 'a listagem de alunos por tag precisa de pelo menos uma tag (tag_…); sem tag ela traria a escola inteira',
} as const;

/** What a v3 field is not (the `problem` of a shape error; never the value itself). */
export const V3_PROBLEMS = {
  /** An id without its type prefix. */
  notPrefixed: (prefix: string) => `não é um ID que começa com ${prefix}`,
  /** An id with characters this version does not expect. */
  idCharacters: () => 'o ID tem caracteres inesperados',
  /** A timestamp that is no RFC 3339 date. */
  notTimestamp: () => 'não é uma data e hora ISO 8601',
  /** A whole number expected. */
  notWholeNumber: () => 'não é um número inteiro maior ou igual a zero',
} as const;

/** The values a request's path or query is built from, as badId names them. */
export const V3_SEGMENT = {
  /** A user's id. */
  userId: 'ID do aluno',
  /** A tag's id (a cohort's Tag ID). */
  tagId: 'ID da tag',
  /** A product's id (one of a cohort's Produtos). */
  productId: 'ID do produto',
} as const;
