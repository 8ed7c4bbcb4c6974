// Messages of Cademi API failures, in Brazilian Portuguese. They name the endpoint (a label such as
// `GET /usuario/lista_por_tag/{tag_id}`), the HTTP status and Cademi's envelope code, never the
// body's text (`msg` can echo the request, the token included) nor a header value.

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
  http: (endpoint: string, status: number, envelopeCode: number | undefined, success2xx: boolean) =>
    (success2xx
      ? `A Cademi informou uma falha em ${endpoint} (success:false${envelopeCode === undefined ? '' : `, código ${envelopeCode}`}).`
      : `A Cademi respondeu ${endpoint} com HTTP ${status}${envelopeCode === undefined ? '' : ` (código ${envelopeCode})`}.`) +
    ' Confira os IDs e a configuração; se persistir, informe o status a quem mantém o complemento.',
} as const;

/** A transport failure as a class only: platform error texts may quote the URL or the headers. */
export function transportKind(raw: string): string {
  const text = raw.toLowerCase();
  if (/timeout|timed out|etimedout|aborted|tempo limite/.test(text)) return 'tempo esgotado';
  if (/enotfound|eai_again|dns|getaddrinfo|address unavailable|endereço indisponível/.test(text)) return 'endereço não encontrado (DNS)';
  if (/econnrefused|refused|recusad/.test(text)) return 'conexão recusada';
  if (/econnreset|socket hang up|reset/.test(text)) return 'conexão interrompida';
  if (/certificate|ssl|tls|handshake/.test(text)) return 'erro de certificado/TLS';
  return text.trim() === '' ? 'desconhecida' : 'erro de conexão';
}
