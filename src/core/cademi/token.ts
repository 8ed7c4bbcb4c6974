// The API token must be a valid HTTP header value before the first request: a token with a line
// break, a control character or non-ASCII text would make fetch/UrlFetchApp throw, and their error
// text can quote the header (the token) into a log. Checked once, in core, for both hosts.

/** Visible ASCII (RFC 9110 field-vchar), no spaces inside: what Cademi's keys are made of. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]{1,4096}$/;

/** Null when the token can be sent; otherwise the pt-BR reason, which never shows the token. */
export function tokenProblem(token: string): string | null {
  if (HEADER_SAFE_TOKEN.test(token)) return null;
  if (token.length === 0) return 'o token da API está vazio; cole a chave da API gerada na Cademi';
  return (
    'o token da API contém espaço, quebra de linha, acento ou outro caractere que não pode ir num cabeçalho HTTP; ' +
    'cole de novo a chave da API gerada na Cademi, sem espaços nem quebras de linha. Nenhum pedido foi enviado'
  );
}
