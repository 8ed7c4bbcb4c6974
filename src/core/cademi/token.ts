// The API token must be a valid HTTP header value before the first request: a token with a line
// break, a control character or non-ASCII text would make fetch/UrlFetchApp throw, and their error
// text can quote the header (the token) into a log. Checked once, in core, for both hosts.

import { tokenMessages } from '../messages/cademi';

/** Visible ASCII (RFC 9110 field-vchar), no spaces inside: what Cademi's keys are made of. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]{1,4096}$/;

/** Null when the token can be sent; otherwise the pt-BR reason, which never shows the token. */
export function tokenProblem(token: string): string | null {
  if (HEADER_SAFE_TOKEN.test(token)) return null;
  return token.length === 0 ? tokenMessages.empty() : tokenMessages.notHeaderSafe();
}
