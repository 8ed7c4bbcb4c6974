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
