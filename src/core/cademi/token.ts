// The API token must be a valid HTTP header value before the first request: a token with a line
// break, a control character or non-ASCII text would make fetch/UrlFetchApp throw, and their error
// text can quote the header (the token) into a log. Checked once, in core, for both hosts; a response
// that echoes the token back is scrubbed before anything reads it.

import type { HttpResponse } from '../http';
import { ECHOED_TOKEN, tokenMessages } from '../messages/cademi';

/** Visible ASCII (RFC 9110 field-vchar), no spaces inside: what Cademi's keys are made of. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]{1,4096}$/;

/** Null when the token can be sent; otherwise the pt-BR reason, which never shows the token. */
export function tokenProblem(token: string): string | null {
  if (HEADER_SAFE_TOKEN.test(token)) return null;
  return token.length === 0 ? tokenMessages.empty() : tokenMessages.notHeaderSafe();
}

/**
 * The response with every occurrence of `secret` (raw, JSON-escaped, URL-encoded) replaced: a server
 * that echoes the request must not get the token into a cell (nor a header, e.g. a Location, into a
 * message). Secrets under 6 characters are left
 * alone (replacing them would mangle ordinary text); a real Cademi key is far longer.
 */
export function withoutSecret(response: HttpResponse, secret: string): HttpResponse {
  if (secret.length < 6) return response;
  const forms = [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
  const carries = (text: string) => forms.some((form) => text.includes(form));
  if (!carries(response.body) && !Object.values(response.headers).some(carries)) return response;
  const scrub = (text: string) => forms.reduce((out, form) => out.split(form).join(ECHOED_TOKEN), text);
  const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, scrub(value)]));
  const body = scrub(response.body);
  return { ...response, headers, body };
}
