// HTTP as plain data: the core builds requests and reads responses; hosts perform the I/O.

import { ECHOED_TOKEN } from './messages/cademi';

/** A request the core wants performed. Reads only: Cademi's monitor endpoints are all GETs. */
export interface HttpRequest {
  readonly method: 'GET';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a host hands back for a request. Header names are lower-case. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A host-side failure before any HTTP status (DNS, timeout, connection reset). */
export interface TransportFailure {
  readonly status: 0;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly transportError: string;
}

export function isTransportFailure(response: HttpResponse): response is TransportFailure {
  return response.status === 0;
}

/** What kind of transport failure happened; the platform's own text is never kept (it may quote the URL or a header). */
export type TransportFailureKind = 'timeout' | 'dns' | 'refused' | 'reset' | 'tls' | 'other';

/** Classifies a platform error text or code (Node's `cause.code`, UrlFetchApp's exception text). */
export function classifyTransportFailure(raw: string): TransportFailureKind {
  const text = raw.toLowerCase();
  if (/timeout|timed out|etimedout|aborted|tempo limite|excedeu o tempo/.test(text)) return 'timeout';
  if (/enotfound|eai_again|dns|getaddrinfo|address unavailable|endereço indisponível|unknown host/.test(text)) return 'dns';
  if (/econnrefused|refused|recusad/.test(text)) return 'refused';
  if (/econnreset|socket hang up|reset|epipe|und_err_socket|closed/.test(text)) return 'reset';
  if (/cert|ssl|tls|handshake|self.signed|unable_to_verify/.test(text)) return 'tls';
  return 'other';
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
