// Real HTTP for the Node host: the batch in parallel with global fetch, failures as status-0 answers.

import { classifyTransportFailure, type HttpRequest, type HttpResponse, type TransportFailure } from '../core/http';
import type { Transport } from './drive-job';

export class FetchTransport implements Transport {
  constructor(private readonly timeoutMs = 30_000) {}

  send(requests: readonly HttpRequest[]): Promise<HttpResponse[]> {
    return Promise.all(requests.map((request) => this.sendOne(request)));
  }

  private async sendOne(request: HttpRequest): Promise<HttpResponse> {
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    } catch (error) {
      const failure: TransportFailure = {
        status: 0,
        headers: {},
        body: '',
        // Only a classification, from the error's names and codes: its message may quote the URL, and a header the token.
        transportError: classifyTransportFailure(errorCodes(error)),
      };
      return failure;
    }
  }
}

/** The names and codes along an error's cause chain (`TypeError UND_ERR_CONNECT_TIMEOUT`), never its messages. */
function errorCodes(error: unknown): string {
  const parts: string[] = [];
  // Not `instanceof Object`: an error made in another realm (undici's under jest's vm) would fail it and read as 'other'.
  for (
    let current = error, depth = 0;
    typeof current === 'object' && current !== null && depth < 4;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const { name, code } = current as { name?: unknown; code?: unknown };
    if (typeof name === 'string') parts.push(name);
    if (typeof code === 'string') parts.push(code);
  }
  return parts.join(' ');
}
