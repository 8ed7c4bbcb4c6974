// The one rule for where the token may be sent: https to any host, plain http only to this machine
// (the local simulator). Used by `Configuração` › `URL da API`, the CLI's CADEMI_BASE_URL and Apps Script.

/** Loopback hosts, where plain http never crosses a network. */
const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/i;

export type BaseUrlCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

/** Checks an API base URL; the value is trimmed, without trailing slashes. A regex, since Apps Script has no `URL`. */
export function checkBaseUrl(text: string): BaseUrlCheck {
  const value = text.trim().replace(/\/+$/, '');
  const match = /^(https?):\/\/([^\s/?#@]+?)(:\d{1,5})?(\/[^\s?#]*)?$/i.exec(value);
  if (!match) return { ok: false, problem: 'não é um endereço https válido (ex.: https://SUAESCOLA.cademi.com.br/api/v1)' };
  const [, scheme, host] = match;
  if (scheme.toLowerCase() === 'http' && !LOOPBACK.test(host)) {
    return { ok: false, problem: 'usa http://, sem criptografia: a chave da API iria aberta pela rede; use https:// (http só vale para 127.0.0.1 ou localhost)' };
  }
  return { ok: true, value };
}
