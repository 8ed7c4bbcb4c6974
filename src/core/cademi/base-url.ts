// The one rule for where the token may be sent: https to any host, plain http only to this machine
// (the local simulator). Used by `Configuração` › `URL da API`, the CLI's CADEMI_BASE_URL and Apps Script.

import { BASE_URL_MALFORMED, BASE_URL_PLAIN_HTTP } from '../messages/cli';

/** Loopback hosts, where plain http never crosses a network. */
const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/i;

export type BaseUrlCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

/** Checks an API base URL; the value is trimmed, without trailing slashes. A regex, since Apps Script has no `URL`. */
export function checkBaseUrl(text: string): BaseUrlCheck {
  const value = text.trim().replace(/\/+$/, '');
  // scheme://host[:port][/path] — no user info, query, fragment or whitespace anywhere.
  const match = /^(https?):\/\/(\[[0-9a-f:.]+\]|[^\s/?#@:[\]]+)(?::(\d{1,5}))?(\/[^\s?#]*)?$/i.exec(value);
  if (!match || (match[3] !== undefined && Number(match[3]) > 65535)) return { ok: false, problem: BASE_URL_MALFORMED };
  // Both groups always take part in a match; the defaults only satisfy the type.
  const [, scheme = '', host = ''] = match;
  if (scheme.toLowerCase() === 'http' && !LOOPBACK.test(host)) return { ok: false, problem: BASE_URL_PLAIN_HTTP };
  return { ok: true, value };
}
