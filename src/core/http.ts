// HTTP as plain data: the core builds requests and reads responses; hosts perform the I/O.

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
